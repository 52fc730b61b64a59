/// What the real docker client checks on its own, after the grammar accepted a line and before it
/// contacts the daemon: confirmation prompts of the prunes, the TTY checks, and the local files it
/// reads (build context, --env-file, secrets, configs, compose files, `cp` sources). Each check and
/// its message was observed on the docker 28.2.2 client (see ClientMessages).
struct ClientPreflight {
    let invocation: DockerInvocation
    let terminalAttached: Bool

    /// The options of `run` and `create` that name files the client reads.
    static let optionFiles = ["env-file", "label-file"]

    /// The last words of the commands `check` looks at (a case added there adds its word here):
    /// every other command goes on after a few short comparisons.
    static let checkedLastWords = ["run", "create", "login", "build", "deploy", "join-token", "cp", "prune"]

    /// Returns the exit status when the client stops here (having printed what it prints), or nil
    /// when the command goes on to the daemon.
    func check(_ process: inout ProcessContext, lab: Lab) -> Int32? {
        guard let last = invocation.path.last, Self.checkedLastWords.contains(where: { $0.sameBytes(last) }) else { return nil }
        let cwd = process.workingDirectory
        let files = lab.machine.files
        func exists(_ path: String) -> Bool { files.node(at: VirtualFileSystem.normalise(path, cwd: cwd)) != nil }
        func isFile(_ path: String) -> Bool { files.contents(of: VirtualFileSystem.normalise(path, cwd: cwd)) != nil }
        let i = invocation

        switch i.pathKey {
        case "container run", "container create":
            let command = i.path[1]
            for option in Self.optionFiles where i.options.has(option) {
                if let missing = i.values(option).first(where: { !isFile($0) }) {
                    process.writeError(ClientMessages.optionFileMissing(missing, command: command))
                    return 125
                }
            }
            if command == "run" && i.flag("tty") && i.flag("interactive") && !i.flag("detach") && !terminalAttached {
                process.writeError(ClientMessages.inputNotATTY)
                return 1
            }
        case "login":
            return LoginCommand.clientChecks(i, &process, terminalAttached: terminalAttached)
        case "image build":
            guard let context = i.arguments.first, context != "-", !context.contains("://") else { return nil }
            let dir = VirtualFileSystem.normalise(context, cwd: cwd)
            guard files.isDirectory(dir) else {
                process.writeError(ClientMessages.buildContextMissing(context))
                return 1
            }
            let dockerfile = i.value("file").map { VirtualFileSystem.normalise($0, cwd: cwd) } ?? dir + "/Dockerfile"
            if files.node(at: dockerfile) == nil {
                process.writeError(ClientMessages.buildDockerfileMissing(dockerfile))
                return 1
            }
        case "secret create":
            guard i.arguments.count > 1 else { return nil }
            let source = i.arguments[1]
            if source == "-" {
                if process.stdin.isEmpty { process.writeError(ClientMessages.secretDataEmpty("STDIN")); return 1 }
            } else if let text = files.contents(of: VirtualFileSystem.normalise(source, cwd: cwd)) {
                if text.isEmpty { process.writeError(ClientMessages.secretDataEmpty(source)); return 1 }
            } else {
                process.writeError(ClientMessages.secretFileMissing(source))
                return 1
            }
        case "config create":
            if i.arguments.count > 1, i.arguments[1] != "-", !isFile(i.arguments[1]) {
                process.writeError(ClientMessages.configFileMissing(i.arguments[1]))
                return 1
            }
        case "stack deploy":
            let composeFiles = i.values("compose-file")
            if composeFiles.isEmpty {
                process.writeError(ClientMessages.composeFileRequired)
                return 1
            }
            if let missing = composeFiles.first(where: { $0 != "-" && !isFile($0) }) {
                process.writeError(ClientMessages.composeFileMissing(missing))
                return 1
            }
        case "swarm join-token":
            if let role = i.arguments.first, role != "worker", role != "manager" {
                process.writeError(ClientMessages.unknownRole(role))
                return 1
            }
        case "container cp":
            // Recorded: `docker cp a b` and `docker cp a:/x b:/y` (client-side, exit 1).
            func inContainer(_ arg: String) -> Bool { arg.contains(":") && !arg.hasPrefix("/") && !arg.hasPrefix(".") }
            if i.arguments.count == 2 {
                let (from, to) = (inContainer(i.arguments[0]), inContainer(i.arguments[1]))
                if !from && !to { process.writeError(ClientMessages.copyNeedsContainer); return 1 }
                if from && to { process.writeError(ClientMessages.copyBetweenContainers); return 1 }
            }
            if let source = i.arguments.first, !source.contains(":"), source != "-", !exists(source) {
                process.writeError(ClientMessages.copySourceMissing(VirtualFileSystem.normalise(source, cwd: cwd)))
                return 1
            }
        case "system prune", "image prune", "container prune", "volume prune", "network prune", "builder prune":
            let filters = PruneFilters(i.values("filter"))
            if i.path[0] == "system", i.flag("volumes"), filters.fields["until"] != nil {
                process.writeError(ClientMessages.untilWithVolumes)
                return 1
            }
            if i.flag("force") { return nil }
            let warning: String
            switch i.path[0] {
            case "system":
                let listed = ["label", "label!", "until"].flatMap { name in (filters.fields[name] ?? []).map { name + "=" + $0 } }
                warning = ClientMessages.systemPruneWarning(all: i.flag("all"), volumes: i.flag("volumes"), filters: listed.sorted(by: naturalLess))
            case "image": warning = ClientMessages.imagePruneWarning(all: i.flag("all"))
            case "volume": warning = ClientMessages.volumePruneWarning(all: i.flag("all"))
            case "network": warning = ClientMessages.networkPruneWarning
            case "builder": warning = ClientMessages.builderPruneWarning
            default: warning = ClientMessages.containerPruneWarning
            }
            process.write(warning)
            let answer = process.stdin.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
            if answer.trimmingCharacters(in: " \t\r") != "y" && answer.trimmingCharacters(in: " \t\r") != "Y" { return 0 }
        default:
            break
        }
        return nil
    }
}

/// sortorder.NaturalLess: runs of digits compare as numbers, the rest byte by byte.
func naturalLess(_ a: String, _ b: String) -> Bool {
    var x = Array(a.utf8)[...], y = Array(b.utf8)[...]
    func isDigit(_ c: UInt8) -> Bool { c >= 48 && c <= 57 }
    while let c = x.first, let d = y.first {
        if isDigit(c) && isDigit(d) {
            let m = x.prefix(while: isDigit), n = y.prefix(while: isDigit)
            let mv = m.drop { $0 == 48 }, nv = n.drop { $0 == 48 }
            if mv.count != nv.count { return mv.count < nv.count }
            if !mv.elementsEqual(nv) { return mv.lexicographicallyPrecedes(nv) }
            if m.count != n.count { return m.count < n.count }
            x = x.dropFirst(m.count); y = y.dropFirst(n.count)
            continue
        }
        if c != d { return c < d }
        x = x.dropFirst(); y = y.dropFirst()
    }
    return x.isEmpty && !y.isEmpty
}

private extension Substring {
    func trimmingCharacters(in set: String) -> Substring {
        var s = self
        while let f = s.first, set.contains(f) { s = s.dropFirst() }
        while let l = s.last, set.contains(l) { s = s.dropLast() }
        return s
    }
}
