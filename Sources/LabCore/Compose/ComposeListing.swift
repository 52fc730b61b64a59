/// docker-compose 1.29's listings: `ps` (texttable: centred headers, a rule, commands cut at
/// 30 characters), `logs` (each line after `SERVICE_N |`, coloured unless --no-color), `top`,
/// and `config` (Fixtures/build 07, 08).
enum ComposeListing {
    /// Python's str.center, as texttable centres the headers.
    static func center(_ s: String, _ width: Int) -> String {
        let pad = width - s.count
        guard pad > 0 else { return s }
        let left = pad / 2 + (pad & width & 1)
        return String(repeating: " ", count: left) + s + String(repeating: " ", count: pad - left)
    }

    static func table(_ header: [String], _ rows: [[String]]) -> String {
        var widths = header.map(\.count)
        for r in rows { for (k, c) in r.enumerated() { widths[k] = max(widths[k], c.count) } }
        func line(_ cells: [String], centred: Bool) -> String {
            cells.enumerated().map { k, c in centred ? center(c, widths[k]) : c.padding(toLength: widths[k], withPad: " ", startingAt: 0) }
                .joined(separator: "   ") + "\n"
        }
        return line(header, centred: true) + String(repeating: "-", count: widths.reduce(0, +) + 3 * (widths.count - 1)) + "\n"
            + rows.map { line($0, centred: false) }.joined()
    }

    /// A container's command, cut to 30 characters (`… ...`).
    static func command(_ c: Container) -> String {
        let full = c.processArguments.joined(separator: " ")
        return full.count > 30 ? String(full.prefix(26)) + " ..." : full
    }

    static func state(_ c: Container) -> String {
        if c.state.paused { return "Paused" }
        if c.state.status == "restarting" { return "Restarting" }
        if c.state.running { return "Up" + (c.state.health.map { " (\($0 == "starting" ? "health: starting" : $0))" } ?? "") }
        return "Exit \(c.state.exitCode)"
    }

    /// Published ports on every IPv4 and IPv6 address, then exposed ones, while the container runs.
    static func ports(_ c: Container) -> String {
        guard c.state.running else { return "" }
        var out: [String] = []
        for b in c.boundPorts { out.append((b.hostIP == "::" ? ":::" : b.hostIP + ":") + "\(b.hostPort)->\(b.key)") }
        for e in c.config.exposedPorts where !c.boundPorts.contains(where: { $0.key == e }) { out.append(e) }
        return out.joined(separator: ",")
    }

    static func ps(_ r: ComposeRunner, flags: [String], _ p: inout ProcessContext, _ s: DaemonSession) -> Int32 {
        if flags.contains("--services") { p.write(r.ordered(r.project.services).map { $0.name + "\n" }.joined()); return 0 }
        let list = r.containers(s)
        if flags.contains("-q") || flags.contains("--quiet") { p.write(list.map { $0.id + "\n" }.joined()); return 0 }
        if r.v2 {
            // v2: running containers (all with -a) in docker ps's words, with docker/compose's default
            // table (cmd/formatter/container.go: NAME IMAGE COMMAND SERVICE CREATED STATUS PORTS).
            let shown = list.filter { $0.state.running || flags.contains("-a") || flags.contains("--all") }
            let rows = shown.map { c in
                [c.name, ObjectListing.image(c, engine: s.engine, trunc: true), ObjectListing.command(c, trunc: true),
                 c.config.labels[ComposeRunner.serviceLabel] ?? "", ObjectListing.runningFor(c, now: s.now),
                 c.state.display(now: s.now), PortDisplay.display(PortDisplay.ports(c))]
            }
            p.write(ListFormat.table(["NAME", "IMAGE", "COMMAND", "SERVICE", "CREATED", "STATUS", "PORTS"], rows))
            return 0
        }
        p.write(table(["Name", "Command", "State", "Ports"], list.map { [$0.name, command($0), state($0), ports($0)] }))
        return 0
    }

    /// compose's colours for log prefixes, in the order containers are attached.
    static let colours = ["36", "33", "32", "35", "34", "1;36", "1;33", "1;32", "1;35", "1;34"]

    static func logs(_ r: ComposeRunner, names: [String], color: Bool, _ p: inout ProcessContext, _ s: DaemonSession) -> Int32 {
        let all = r.containers(s)
        if let unknown = names.first(where: { n in !r.project.services.contains { $0.name == n } }) {
            p.writeError("No such service: \(unknown)\n")
            return 1
        }
        let attached = all.filter { names.isEmpty || names.contains($0.config.labels[ComposeRunner.serviceLabel] ?? "") }
        func prefix(_ c: Container) -> String { "\(c.config.labels[ComposeRunner.serviceLabel] ?? c.name)_\(c.config.labels[ComposeRunner.numberLabel] ?? "1")" }
        let width = (all.map { prefix($0).count }.max() ?? 0) + 1
        p.write("Attaching to \(attached.map(\.name).joined(separator: ", "))\n")
        for (k, c) in attached.enumerated() {
            let head = prefix(c).padding(toLength: width, withPad: " ", startingAt: 0) + " |"
            let shown = color ? "\u{1B}[\(colours[k % colours.count])m\(head)\u{1B}[0m" : head
            for entry in c.logs {
                for line in entry.text.split(separator: "\n", omittingEmptySubsequences: false).dropLast() { p.write(shown + " " + line + "\n") }
            }
        }
        return 0
    }

    static func top(_ r: ComposeRunner, _ p: inout ProcessContext, _ s: DaemonSession) -> Int32 {
        for c in r.containers(s) where c.state.running {
            p.write("\(c.name)\nUID    PID    PPID    C   STIME   TTY   TIME   CMD\n")
            p.write("root   \(c.state.pid)   0       0   00:00   ?     00:00:00   \(c.processArguments.joined(separator: " "))\n\n")
        }
        return 0
    }
}

/// `docker-compose config`: the merged file, normalised as docker-compose prints it.
enum ComposeConfig {
    static func text(_ project: ComposeProject) -> String {
        var out = "services:\n"
        for svc in project.services.sorted(by: { $0.name < $1.name }) {
            out += "  \(svc.name):\n"
            if let b = svc.build { out += "    build:\n      context: \(b)\n" }
            if let c = svc.command { out += "    command: \(c.joined(separator: " "))\n" }
            if !svc.dependsOn.isEmpty { out += "    depends_on:\n" + svc.dependsOn.map { "      \($0):\n        condition: \(svc.condition($0))\n" }.joined() }
            if !svc.environment.isEmpty {
                out += "    environment:\n" + svc.environment.map { e -> String in
                    let kv = e.split(separator: "=", maxSplits: 1)
                    return "      \(kv[0]): \(kv.count > 1 ? String(kv[1]) : "null")\n"
                }.joined()
            }
            if let test = svc.healthcheck {
                // Written as given: the test a string or a list, the other settings as the file has them.
                var lines = svc.healthSpec.map { ($0.key, "      \($0.key): \($0.value)\n") }
                let shown = test.first == "CMD-SHELL" && test.count == 2 && svc.healthTestWasString ? "      test: \(test[1])\n"
                    : "      test:\n" + test.map { "      - \($0)\n" }.joined()
                lines.append(("test", shown))
                out += "    healthcheck:\n" + lines.sorted { $0.0 < $1.0 }.map(\.1).joined()
            }
            if let i = svc.image { out += "    image: \(i)\n" }
            if !svc.ports.isEmpty {
                out += "    ports:\n" + svc.ports.compactMap { ServiceOptions.port($0) }.map { p in
                    (p.publishedPort > 0 ? "    - published: \(p.publishedPort)\n      target: \(p.targetPort)\n" : "    - target: \(p.targetPort)\n")
                }.joined()
            }
        }
        if !project.networks.isEmpty { out += "networks:\n" + project.networks.map { "  \($0): {}\n" }.joined() }
        out += "version: '3.9'\n"
        if !project.volumes.isEmpty { out += "volumes:\n" + project.volumes.map { "  \($0): {}\n" }.joined() }
        return out + "\n"
    }
}
