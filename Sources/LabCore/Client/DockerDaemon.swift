/// The simulated daemon's front: routes an accepted command (by its canonical path) to the
/// engine command that carries it out on the learner's current machine.
enum DockerDaemon {
    /// Writes a rendered result (stdout, then stderr) and gives its status.
    static func print(_ output: CommandOutput, _ p: inout ProcessContext) -> Int32 {
        p.write(output.stdout)
        p.writeError(output.stderr)
        return output.status
    }

    /// Runs `invocation`; returns the exit status, or nil when the command is not simulated yet.
    static func execute(_ i: DockerInvocation, _ p: inout ProcessContext, lab: inout Lab, terminalAttached: Bool) -> Int32? {
        let machine = lab.current
        return DaemonSession.with(&lab) { (s: inout DaemonSession) -> Int32? in
            defer { if s.attach != nil { s.attach?.machine = machine } }
            // By the path's first word, then its second: a few comparisons find any command.
            let command = i.path.count == 2 ? i.path[1] : ""
            switch i.path.first ?? "" {
            case "container": return container(command, i, &p, &s, terminalAttached: terminalAttached)
            case "image": return image(command, i, &p, &s)
            case "network": return network(command, i, &p, &s)
            case "volume": return volume(command, i, &p, &s)
            case "system": return system(command, i, &p, &s)
            case "builder" where command == "build": return BuildCommand.execute(i, &p, &s)
            case "buildx" where command == "build": return BuildxBuildCommand.execute(i, &p, &s, terminalAttached: terminalAttached)
            case "login" where i.path.count == 1: return LoginCommand.login(i, &p, &s)
            case "logout" where i.path.count == 1: return LoginCommand.logout(i, &p, &s)
            case "version" where i.path.count == 1: return SystemCommands.version(i, &p, &s)
            case "inspect" where i.path.count == 1: return print(ObjectInspection.inspect(i, kind: .any, engine: s.engine, now: s.now), &p)
            default: return nil
            }
        }
    }

    /// `docker container …` (and its short forms: `docker run`, `docker ps`, …).
    static func container(_ command: String, _ i: DockerInvocation, _ p: inout ProcessContext, _ s: inout DaemonSession,
                          terminalAttached: Bool) -> Int32? {
        switch command {
        case "run": return ContainerCommands.run(i, &p, &s, create: false, terminalAttached: terminalAttached)
        case "create": return ContainerCommands.run(i, &p, &s, create: true)
        case "start": return ContainerCommands.start(i, &p, &s)
        case "stop": return ContainerCommands.stop(i, &p, &s)
        case "restart": return ContainerCommands.restart(i, &p, &s)
        case "kill": return ContainerCommands.kill(i, &p, &s)
        case "pause": return ContainerCommands.pause(i, &p, &s, resume: false)
        case "unpause": return ContainerCommands.pause(i, &p, &s, resume: true)
        case "rm": return ContainerCommands.remove(i, &p, &s)
        case "rename": return ContainerCommands.rename(i, &p, &s)
        case "wait": return ContainerCommands.wait(i, &p, &s)
        case "prune": return ContainerCommands.prune(i, &p, &s)
        case "logs": return ContainerProcessCommands.logs(i, &p, &s)
        case "exec": return ContainerProcessCommands.exec(i, &p, &s, terminalAttached: terminalAttached)
        case "port": return ContainerProcessCommands.port(i, &p, &s)
        case "diff": return ContainerProcessCommands.diff(i, &p, &s)
        case "cp": return CopyCommand.copy(i, &p, &s)
        case "commit": return CommitCommand.commit(i, &p, &s)
        case "update": return UpdateCommand.update(i, &p, &s)
        case "top": return SystemCommands.top(i, &p, &s)
        case "stats": return SystemCommands.stats(i, &p, &s)
        case "ls": return print(ObjectListing.containers(i, engine: s.engine, now: s.now), &p)
        case "inspect": return print(ObjectInspection.inspect(i, kind: .container, engine: s.engine, now: s.now), &p)
        default: return nil
        }
    }

    /// `docker image …`.
    static func image(_ command: String, _ i: DockerInvocation, _ p: inout ProcessContext, _ s: inout DaemonSession) -> Int32? {
        switch command {
        case "save": return SaveLoadCommands.save(i, &p, &s)
        case "load": return SaveLoadCommands.load(i, &p, &s)
        case "pull": return ImageCommands.pull(i, &p, &s)
        case "build": return BuildCommand.execute(i, &p, &s)
        case "push": return ImageCommands.push(i, &p, &s)
        case "tag": return ImageCommands.tag(i, &p, &s)
        case "rm": return ImageCommands.remove(i, &p, &s)
        case "prune": return ImageCommands.prune(i, &p, &s)
        case "history": return SystemCommands.history(i, &p, &s)
        case "ls": return print(ObjectListing.images(i, engine: s.engine, now: s.now), &p)
        case "inspect": return print(ObjectInspection.inspect(i, kind: .image, engine: s.engine, now: s.now), &p)
        default: return nil
        }
    }

    /// `docker network …`.
    static func network(_ command: String, _ i: DockerInvocation, _ p: inout ProcessContext, _ s: inout DaemonSession) -> Int32? {
        switch command {
        case "create": return NetworkVolumeCommands.createNetwork(i, &p, &s)
        case "rm": return NetworkVolumeCommands.removeNetworks(i, &p, &s)
        case "connect": return NetworkVolumeCommands.connect(i, &p, &s, disconnect: false)
        case "disconnect": return NetworkVolumeCommands.connect(i, &p, &s, disconnect: true)
        case "prune": return NetworkVolumeCommands.pruneNetworks(i, &p, &s)
        case "ls": return print(ObjectListing.networks(i, engine: s.engine, now: s.now), &p)
        case "inspect": return print(ObjectInspection.inspect(i, kind: .network, engine: s.engine, now: s.now), &p)
        default: return nil
        }
    }

    /// `docker volume …`.
    static func volume(_ command: String, _ i: DockerInvocation, _ p: inout ProcessContext, _ s: inout DaemonSession) -> Int32? {
        switch command {
        case "create": return NetworkVolumeCommands.createVolume(i, &p, &s)
        case "rm": return NetworkVolumeCommands.removeVolumes(i, &p, &s)
        case "prune": return NetworkVolumeCommands.pruneVolumes(i, &p, &s)
        case "ls": return print(ObjectListing.volumes(i, engine: s.engine, now: s.now), &p)
        case "inspect": return print(ObjectInspection.inspect(i, kind: .volume, engine: s.engine, now: s.now), &p)
        default: return nil
        }
    }

    /// `docker system …`.
    static func system(_ command: String, _ i: DockerInvocation, _ p: inout ProcessContext, _ s: inout DaemonSession) -> Int32? {
        switch command {
        case "df": return SystemCommands.df(i, &p, &s)
        case "info": return SystemCommands.info(i, &p, &s)
        case "events": return SystemCommands.events(i, &p, &s)
        case "prune": return SystemCommands.prune(i, &p, &s)
        default: return nil
        }
    }
}
