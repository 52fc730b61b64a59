/// curl and GNU wget inside the Debian-based images that ship them (nginx, node, python…).
/// Wording and exit statuses recorded from curl 7.88.1 and GNU Wget 1.21.3 on the development
/// machine (Tests/LabCoreTests/Fixtures/containers/curl-wget.txt): without `-s`, curl draws its
/// progress meter on standard error when that is not a terminal, as it is in `docker run`.
struct CurlProgram: SimulatedProgram {
    static let meterHead = "  % Total    % Received % Xferd  Average Speed   Time    Time     Time  Current\n"
        + "                                 Dload  Upload   Total   Spent    Left  Speed\n"
    static let meterZero = "\r  0     0    0     0    0     0      0      0 --:--:-- --:--:-- --:--:--     0"

    func run(_ p: inout ProcessContext, lab: inout Lab) -> Int32 {
        var silent = false, showErrors = false, fail = false
        var output: String?
        var url: String?
        var args = p.arguments.dropFirst()[...]
        while let a = args.popFirst() {
            if a == "-o" || a == "--output" { output = args.popFirst(); continue }
            if a == "--silent" { silent = true; continue }
            if a == "--fail" { fail = true; continue }
            if a.hasPrefix("-") && !a.hasPrefix("--") && a.count > 1 {
                for l in a.dropFirst() {
                    if l == "s" { silent = true }
                    if l == "S" { showErrors = true }
                    if l == "f" { fail = true }
                }
            } else if !a.hasPrefix("-") {
                url = url ?? a
            }
        }
        guard let url else {
            p.writeError("curl: try 'curl --help' or 'curl --manual' for more information\n")
            return 2
        }
        // Inside a container, standard output is a pipe to the client unless it has a terminal (-t);
        // on a lab machine, it is the learner's terminal.
        let onHost = lab.machine.containerID == nil
        let tty = onHost || (lab.machine.containerID.flatMap { id in lab.machine.engine.containers.first { $0.id == id } }?.config.tty ?? false)
        let meter = !silent && (output != nil || !tty || !p.stdoutIsTerminal)
        let errors = !silent || showErrors
        if meter { p.writeError(Self.meterHead + Self.meterZero) }
        let (host, port, path) = ContainerServers.split(url)
        let dns = ContainerDNS(machine: lab.machine)
        func failure(_ code: Int32, _ text: String) -> Int32 {
            if meter { p.writeError(code == 6 ? "" : Self.meterZero) }
            if errors { p.writeError((meter ? "\n" : "") + "curl: (\(code)) " + text + "\n") }
            return code
        }
        let reply: ContainerServers.Reply
        if onHost {
            guard lab.machineReached(by: host) != nil else {
                if meter || errors { p.writeError("curl: (6) Could not resolve host: \(host)\n") }
                return 6
            }
            reply = lab.hostGet(path, host: host, port: port)
        } else {
            guard let address = dns.resolve(host, turn: lab.ids.next()).first else {
                if meter { p.writeError("curl: (6) Could not resolve host: \(host)\n") } else if errors { p.writeError("curl: (6) Could not resolve host: \(host)\n") }
                return 6
            }
            reply = ContainerServers.get(path, address: address, port: port, dns: dns)
        }
        switch reply {
        case .refused:
            return failure(7, "Failed to connect to \(host) port \(port) after 0 ms: Couldn't connect to server")
        case .unreachable:
            lab.clock.advance(by: 133)
            return failure(28, "Failed to connect to \(host) port \(port) after 133000 ms: Couldn't connect to server")
        case .notFound:
            if fail { return failure(22, "The requested URL returned error: 404") }
            if meter { p.writeError("\n") }
            return 0
        case .ok(let body):
            if meter {
                let n = String(body.utf8.count)
                let pad = String(repeating: " ", count: max(0, 5 - n.count)) + n
                p.writeError("\r100 \(pad)  100 \(pad)    0     0   600k      0 --:--:-- --:--:-- --:--:--  600k\n")
            }
            if let output {
                do { try lab.machine.files.write(body, to: p.resolve(output)) } catch {
                    p.writeError("curl: (23) Failure writing output to destination\n")
                    return 23
                }
            } else {
                p.write(body)
            }
            return 0
        }
    }
}

/// GNU wget in the buildpack-deps images: quiet fetches and its failure statuses (4 for
/// network failures, 8 for a server error).
struct GNUWgetProgram: SimulatedProgram {
    func run(_ p: inout ProcessContext, lab: inout Lab) -> Int32 {
        var quiet = false
        var output: String?
        var url: String?
        var args = p.arguments.dropFirst()[...]
        while let a = args.popFirst() {
            if a == "-O" { output = args.popFirst(); continue }
            if a.hasPrefix("-") && !a.hasPrefix("--") && a.count > 1 {
                var letters = a.dropFirst()
                while let l = letters.popFirst() {
                    if l == "q" { quiet = true }
                    if l == "O" { output = letters.isEmpty ? args.popFirst() : String(letters); break }
                }
            } else if !a.hasPrefix("-") {
                url = url ?? a
            }
        }
        guard let url else {
            p.writeError("wget: missing URL\nUsage: wget [OPTION]... [URL]...\n\nTry `wget --help' for more options.\n")
            return 1
        }
        let (host, port, path) = ContainerServers.split(url)
        let dns = ContainerDNS(machine: lab.machine)
        guard let address = dns.resolve(host, turn: lab.ids.next()).first else {
            if !quiet { p.writeError("wget: unable to resolve host address '\(host)'\n") }
            return 4
        }
        switch ContainerServers.get(path, address: address, port: port, dns: dns) {
        case .refused, .unreachable:
            if !quiet { p.writeError("Connecting to \(host) (\(host))|\(address)|:\(port)... failed: Connection refused.\n") }
            return 4
        case .notFound:
            if !quiet { p.writeError("ERROR 404: Not Found.\n") }
            return 8
        case .ok(let body):
            let name = output ?? (path.split(separator: "/").last.map(String.init) ?? "index.html")
            if name == "-" { p.write(body); return 0 }
            try? lab.machine.files.write(body, to: p.resolve(name))
            return 0
        }
    }
}
