/// The container's own programs that look at the engine: busybox `wget`, curl, GNU wget,
/// `hostname -i`, `ps` and `env` in docker's order. Texts recorded on the real engine
/// (Tests/LabCoreTests/Fixtures/containers/network.txt) or with the development machine's curl
/// 7.88 and GNU wget 1.21 (curl-wget.txt).
enum ContainerNetworkPrograms {
    static func installBusybox(into t: inout ProgramTable) {
        t.register("ping", PingProgram())
        t.register("nslookup", NslookupProgram())
        t.register("wget", BusyboxWgetProgram())
        installCommon(into: &t)
    }

    static func installGNU(into t: inout ProgramTable) {
        installCommon(into: &t)
    }

    private static func installCommon(into t: inout ProgramTable) {
        if t.program(named: "rmdir") == nil { t.register("rmdir", RmdirProgram(), path: "/bin/rmdir") }
        t.register("hostname", ClosureProgram(hostname), path: "/bin/hostname")
        t.register("env", ClosureProgram(env))
        t.register("ps", ClosureProgram(ps), path: "/bin/ps")
        for script in ["docker-entrypoint.sh", "/docker-entrypoint.sh", "/usr/local/bin/docker-entrypoint.sh", "docker-php-entrypoint"] {
            t.register(script, ClosureProgram(execArguments), path: "/usr/local/bin/" + script.split(separator: "/").last!)
        }
    }

    /// The images' entrypoint scripts end with `exec "$@"`.
    static func execArguments(_ p: inout ProcessContext, _ lab: inout Lab) -> Int32 {
        let rest = Array(p.arguments.dropFirst())
        return rest.isEmpty ? 0 : p.run(rest, lab: &lab)
    }

    /// `hostname`; `-i` prints the container's address (recorded: 172.19.0.3).
    static func hostname(_ p: inout ProcessContext, _ lab: inout Lab) -> Int32 {
        if p.arguments.dropFirst().contains("-i") {
            let addresses = ContainerDNS(machine: lab.machine).ownEndpoints.prefix(1).map(\.ipAddress)
            p.write(addresses.joined(separator: " ") + "\n")
            return 0
        }
        p.write(lab.machine.hostname + "\n")
        return 0
    }

    /// busybox `env` with no arguments: the environment in the order docker built it (PATH,
    /// HOSTNAME, the container's variables, HOME; recorded in 02-run-exit-statuses and
    /// 08-exec-logs-inspect), then anything the shell exported since, sorted.
    static func env(_ p: inout ProcessContext, _ lab: inout Lab) -> Int32 {
        guard p.arguments.count == 1, let id = lab.machine.containerID,
              let c = lab.machine.engine.containers.first(where: { $0.id == id }) else {
            return Coreutils.all.first { $0.0 == "env" }!.1.run(&p, lab: &lab)
        }
        var order = ["PATH", "HOSTNAME"]
        for line in c.config.env {
            let name = String(line.prefix { $0 != "=" })
            if !order.contains(name) { order.append(name) }
        }
        if !order.contains("HOME") { order.append("HOME") }
        var out = ""
        for name in order { if let v = p.environment[name] { out += name + "=" + v + "\n" } }
        for name in p.environment.keys.sorted() where !order.contains(name) { out += name + "=" + p.environment[name]! + "\n" }
        p.write(out)
        return 0
    }

    /// busybox `ps` (the stand-in's build: no TIME column): the main process as PID 1, then this one.
    static func ps(_ p: inout ProcessContext, _ lab: inout Lab) -> Int32 {
        var out = "PID   USER     COMMAND\n"
        let main = lab.machine.containerID.flatMap { id in lab.machine.engine.containers.first { $0.id == id } }?.processArguments ?? []
        let me = p.arguments.joined(separator: " ")
        if main.isEmpty || main.joined(separator: " ") == me {
            out += "    1 root     " + me + "\n"
        } else {
            out += "    1 root     " + main.joined(separator: " ") + "\n"
            out += "   14 root     " + me + "\n"
        }
        p.write(out)
        return 0
    }
}

/// busybox `wget` (recorded against busybox httpd on a user network: progress lines on standard
/// error, `bad address`, `Connection refused`, `server returned error`).
struct BusyboxWgetProgram: SimulatedProgram {
    static let usage = """
        BusyBox v1.35.0 (Debian 1:1.35.0-4+deb12u1+b1) multi-call binary.

        Usage: wget [-cqS] [--spider] [-O FILE] [-o LOGFILE] [--header STR]
        \t[--post-data STR | --post-file FILE] [-Y on/off]
        \t[--no-check-certificate] [-P DIR] [-U AGENT] URL...

        Retrieve files via HTTP or FTP

        \t--spider\tOnly check URL existence: $? is 0 if exists
        \t--header STR\tAdd STR (of form 'header: value') to headers
        \t--post-data STR\tSend STR using POST method
        \t--post-file FILE\tSend FILE using POST method
        \t--no-check-certificate\tDon't validate the server's certificate
        \t-c\t\tContinue retrieval of aborted transfer
        \t-q\t\tQuiet
        \t-P DIR\t\tSave to DIR (default .)
        \t-S    \t\tShow server response
        \t-O FILE\t\tSave to FILE ('-' for stdout)
        \t-o LOGFILE\tLog messages to FILE
        \t-U STR\t\tUse STR for User-Agent header
        \t-Y on/off\tUse proxy

        """

    func run(_ p: inout ProcessContext, lab: inout Lab) -> Int32 {
        var quiet = false
        var output: String?
        var url: String?
        var args = p.arguments.dropFirst()[...]
        while let a = args.popFirst() {
            if a.hasPrefix("-") && a.count > 1 && !a.hasPrefix("--") {
                var letters = a.dropFirst()
                while let l = letters.popFirst() {
                    if l == "q" { quiet = true }
                    if l == "O" { output = letters.isEmpty ? args.popFirst() : String(letters); break }
                }
            } else if !a.hasPrefix("-") {
                url = url ?? a
            }
        }
        guard let url else { p.writeError(Self.usage); return 1 }
        let (host, port, path) = ContainerServers.split(url)
        let dns = ContainerDNS(machine: lab.machine)
        guard let address = dns.resolve(host, turn: lab.ids.next()).first else {
            p.writeError("wget: bad address '\(host)'\n")
            return 1
        }
        if !quiet { p.writeError("Connecting to \(host) (\(address):\(port))\n") }
        switch ContainerServers.get(path, address: address, port: port, dns: dns) {
        case .refused:
            p.writeError("wget: can't connect to remote host (\(address)): Connection refused\n")
            return 1
        case .unreachable:
            lab.clock.advance(by: 127)
            p.writeError("wget: can't connect to remote host (\(address)): Connection timed out\n")
            return 1
        case .notFound:
            p.writeError("wget: server returned error: HTTP/1.1 404 Not Found\n")
            return 1
        case .ok(let body):
            let name = output ?? (path.split(separator: "/").last.map(String.init) ?? "index.html")
            let size = String(body.utf8.count)
            let bar = "100% |********************************| " + String(repeating: " ", count: max(0, 5 - size.count)) + size + "  0:00:00 ETA\n"
            if name == "-" {
                if !quiet { p.writeError("writing to stdout\n-" + String(repeating: " ", count: 20) + bar + "written to stdout\n") }
                p.write(body)
                return 0
            }
            do { try lab.machine.files.write(body, to: p.resolve(name)) } catch {
                p.writeError("wget: can't open '\(name)': \(error.text)\n")
                return 1
            }
            if !quiet {
                p.writeError("saving to '\(name)'\n" + name + String(repeating: " ", count: max(1, 21 - name.count)) + bar + "'\(name)' saved\n")
            }
            return 0
        }
    }
}

/// GNU `rmdir` (the images' coreutils; busybox's applet rewords it, see BusyboxApplets).
struct RmdirProgram: SimulatedProgram {
    func run(_ p: inout ProcessContext, lab: inout Lab) -> Int32 {
        let operands = p.arguments.dropFirst().filter { !$0.hasPrefix("-") }
        guard !operands.isEmpty else {
            p.writeError("rmdir: missing operand\nTry 'rmdir --help' for more information.\n")
            return 1
        }
        var status: Int32 = 0
        for name in operands {
            let path = p.resolve(name)
            var why: String?
            switch lab.machine.files.node(at: path) {
            case nil: why = "No such file or directory"
            case .file?: why = "Not a directory"
            case .directory?:
                if !lab.machine.files.children(of: path).isEmpty { why = "Directory not empty" }
                else { do { try lab.machine.files.remove(path) } catch { why = error.text } }
            }
            if let why {
                p.writeError("rmdir: failed to remove '\(name)': \(why)\n")
                status = 1
            }
        }
        return status
    }
}
