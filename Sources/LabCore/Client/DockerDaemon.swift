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
            switch i.pathKey {
            case "container run": return ContainerCommands.run(i, &p, &s, create: false, terminalAttached: terminalAttached)
            case "container create": return ContainerCommands.run(i, &p, &s, create: true)
            case "container start": return ContainerCommands.start(i, &p, &s)
            case "container stop": return ContainerCommands.stop(i, &p, &s)
            case "container restart": return ContainerCommands.restart(i, &p, &s)
            case "container kill": return ContainerCommands.kill(i, &p, &s)
            case "container pause": return ContainerCommands.pause(i, &p, &s, resume: false)
            case "container unpause": return ContainerCommands.pause(i, &p, &s, resume: true)
            case "container rm": return ContainerCommands.remove(i, &p, &s)
            case "container rename": return ContainerCommands.rename(i, &p, &s)
            case "container wait": return ContainerCommands.wait(i, &p, &s)
            case "container prune": return ContainerCommands.prune(i, &p, &s)
            case "container logs": return ContainerProcessCommands.logs(i, &p, &s)
            case "container exec": return ContainerProcessCommands.exec(i, &p, &s, terminalAttached: terminalAttached)
            case "container port": return ContainerProcessCommands.port(i, &p, &s)
            case "container diff": return ContainerProcessCommands.diff(i, &p, &s)
            case "container cp": return CopyCommand.copy(i, &p, &s)
            case "container commit": return CommitCommand.commit(i, &p, &s)
            case "image save": return SaveLoadCommands.save(i, &p, &s)
            case "image load": return SaveLoadCommands.load(i, &p, &s)
            case "login": return LoginCommand.login(i, &p, &s)
            case "logout": return LoginCommand.logout(i, &p, &s)
            case "container update": return UpdateCommand.update(i, &p, &s)
            case "image pull": return ImageCommands.pull(i, &p, &s)
            case "image build", "builder build": return BuildCommand.execute(i, &p, &s)
            case "buildx build": return BuildxBuildCommand.execute(i, &p, &s, terminalAttached: terminalAttached)
            case "image push": return ImageCommands.push(i, &p, &s)
            case "image tag": return ImageCommands.tag(i, &p, &s)
            case "image rm": return ImageCommands.remove(i, &p, &s)
            case "image prune": return ImageCommands.prune(i, &p, &s)
            case "network create": return NetworkVolumeCommands.createNetwork(i, &p, &s)
            case "network rm": return NetworkVolumeCommands.removeNetworks(i, &p, &s)
            case "network connect": return NetworkVolumeCommands.connect(i, &p, &s, disconnect: false)
            case "network disconnect": return NetworkVolumeCommands.connect(i, &p, &s, disconnect: true)
            case "network prune": return NetworkVolumeCommands.pruneNetworks(i, &p, &s)
            case "volume create": return NetworkVolumeCommands.createVolume(i, &p, &s)
            case "volume rm": return NetworkVolumeCommands.removeVolumes(i, &p, &s)
            case "volume prune": return NetworkVolumeCommands.pruneVolumes(i, &p, &s)
            case "container top": return SystemCommands.top(i, &p, &s)
            case "container stats": return SystemCommands.stats(i, &p, &s)
            case "image history": return SystemCommands.history(i, &p, &s)
            case "system df": return SystemCommands.df(i, &p, &s)
            case "system prune": return SystemCommands.prune(i, &p, &s)
            case "system info": return SystemCommands.info(i, &p, &s)
            case "version": return SystemCommands.version(i, &p, &s)
            case "system events": return SystemCommands.events(i, &p, &s)
            case "container ls": return print(ObjectListing.containers(i, engine: s.engine, now: s.now), &p)
            case "image ls": return print(ObjectListing.images(i, engine: s.engine, now: s.now), &p)
            case "network ls": return print(ObjectListing.networks(i, engine: s.engine, now: s.now), &p)
            case "volume ls": return print(ObjectListing.volumes(i, engine: s.engine, now: s.now), &p)
            case "inspect": return print(ObjectInspection.inspect(i, kind: .any, engine: s.engine, now: s.now), &p)
            case "container inspect": return print(ObjectInspection.inspect(i, kind: .container, engine: s.engine, now: s.now), &p)
            case "image inspect": return print(ObjectInspection.inspect(i, kind: .image, engine: s.engine, now: s.now), &p)
            case "network inspect": return print(ObjectInspection.inspect(i, kind: .network, engine: s.engine, now: s.now), &p)
            case "volume inspect": return print(ObjectInspection.inspect(i, kind: .volume, engine: s.engine, now: s.now), &p)
            default: return nil
            }
        }
    }
}
