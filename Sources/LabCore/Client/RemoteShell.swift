/// `ssh` between the lab's machines: `ssh node2` moves the learner's terminal to node2 until
/// `exit` (the prompt says where they are, and the session's history records each line's
/// prompt); `ssh node2 COMMAND…` runs one command there and comes back. Options are accepted and
/// ignored. Never a real connection: only the lab's own machines answer.
struct RemoteShell: SimulatedProgram {
    /// Whether the learner's shell has a terminal (else ssh says no pseudo-terminal is allocated).
    let terminalAttached: Bool

    /// OpenSSH's texts, recorded from the OpenSSH 9.2 client of the development machine (`ssh`,
    /// `ssh nosuchhost true`); the connect and close lines are OpenSSH's sshconnect.c and clientloop.c.
    enum Messages {
        static let usage = """
            usage: ssh [-46AaCfGgKkMNnqsTtVvXxYy] [-B bind_interface]
                       [-b bind_address] [-c cipher_spec] [-D [bind_address:]port]
                       [-E log_file] [-e escape_char] [-F configfile] [-I pkcs11]
                       [-i identity_file] [-J [user@]host[:port]] [-L address]
                       [-l login_name] [-m mac_spec] [-O ctl_cmd] [-o option] [-p port]
                       [-Q query_option] [-R address] [-S ctl_path] [-W host:port]
                       [-w local_tun[:remote_tun]] destination [command [argument ...]]

            """
        static func unresolved(_ host: String) -> String { "ssh: Could not resolve hostname \(host): Name or service not known\n" }
        static func noRoute(_ host: String) -> String { "ssh: connect to host \(host) port 22: No route to host\n" }
        static func closed(_ host: String) -> String { "Connection to \(host) closed.\n" }
        static func closedByRemote(_ host: String) -> String { "Connection to \(host) closed by remote host.\n" }
        static let noTerminal = "Pseudo-terminal will not be allocated because stdin is not a terminal.\n"
    }

    /// ssh's options that take a value (the rest are single letters without one).
    private static let valued: Set<Character> = ["B", "b", "c", "D", "E", "e", "F", "I", "i", "J", "L", "l", "m", "O", "o", "p", "Q", "R", "S", "W", "w"]

    func run(_ p: inout ProcessContext, lab: inout Lab) -> Int32 {
        var args = Array(p.arguments.dropFirst())
        var destination: String?
        while let first = args.first {
            args.removeFirst()
            guard first.hasPrefix("-"), first.count > 1 else { destination = first; break }
            for (k, letter) in first.dropFirst().enumerated() where Self.valued.contains(letter) {
                if k == first.count - 2 { if !args.isEmpty { args.removeFirst() } }
                break
            }
        }
        guard let destination else {
            p.writeError(Messages.usage)
            return 255
        }
        let host = String(destination.split(separator: "@", maxSplits: 1).last ?? Substring(destination))
        guard let target = lab.machineIndex(named: host) else {
            p.writeError(Messages.unresolved(host))
            return 255
        }
        if lab.isPoweredOff(target) {
            p.writeError(Messages.noRoute(host))
            return 255
        }
        let from = lab.current
        if !args.isEmpty {
            lab.current = target
            let status = p.runShell(args.joined(separator: " "), lab: &lab)
            if lab.current == target { lab.current = from }
            return status
        }
        if !terminalAttached { p.writeError(Messages.noTerminal) }
        lab.sshOrigins.append(from)
        lab.current = target
        return 0
    }

    /// `exit` at a machine the learner reached by ssh: back to the one they came from.
    static func leave(_ lab: inout Lab, output: OutputSink) -> Bool {
        guard let back = lab.sshOrigins.last else { return false }
        let host = lab.machine.hostname
        lab.sshOrigins.removeLast()
        lab.current = back
        output.write(Messages.closed(host), to: .stderr)
        return true
    }
}

/// `lab-machine`: the lab's own command (not a Linux one) for the machines themselves:
/// `lab-machine ls`, `lab-machine stop NODE` (a power loss: its containers end, a swarm sees
/// it Down), `lab-machine start NODE`.
struct MachinePower: SimulatedProgram {
    static let usage = "usage: lab-machine ls | lab-machine stop NODE | lab-machine start NODE\n"

    func run(_ p: inout ProcessContext, lab: inout Lab) -> Int32 {
        let args = Array(p.arguments.dropFirst())
        switch (args.first, args.count) {
        case ("ls", 1):
            var out = "NAME      ADDRESS         STATE\n"
            for (i, m) in lab.machines.enumerated() {
                out += m.hostname.padding(toLength: 10, withPad: " ", startingAt: 0)
                    + Lab.address(ofMachine: i).padding(toLength: 16, withPad: " ", startingAt: 0)
                    + (lab.isPoweredOff(i) ? "stopped" : "running") + "\n"
            }
            p.write(out)
            return 0
        case ("stop", 2), ("start", 2):
            guard let target = lab.machineIndex(named: args[1]) else {
                p.writeError("lab-machine: no machine named \(args[1]) in this lab (lab-machine ls lists them)\n")
                return 1
            }
            if args[0] == "stop" {
                let wasHere = lab.current == target
                lab.powerOff(target)
                if wasHere { p.writeError(RemoteShell.Messages.closedByRemote(args[1])) }
            } else {
                lab.powerOn(target)
            }
            return 0
        default:
            p.writeError(Self.usage)
            return 2
        }
    }
}
