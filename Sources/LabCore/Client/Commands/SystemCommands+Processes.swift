/// The processes the lab shows inside a running container, for `docker top` and the PIDS column
/// of `docker stats`. They follow the oracle's stand-in images (../shared/tools): a service runs
/// as `/bin/sh /usr/local/bin/SERVICE ARGS` (its command name is the service's) with a `sleep 1`
/// child that it restarts every second; a `sh -c` script that sleeps shows its `sleep N` child; any
/// other container runs its command alone (Fixtures/engine/transcripts/21-top.txt). Process ids
/// are stable fakes derived from the container; sizes and kernel values are the ones the oracle's
/// `ps` showed for those processes (Fixtures/engine/transcripts/21-top.txt).
struct ContainerProcess: Equatable {
    var pid: Int
    var ppid: Int
    /// argv.
    var args: [String]
    /// The command name (`comm`): the program file's base name, at most 15 characters.
    var comm: String
    /// Simulated Unix time the process started.
    var start: Double
    var rss: Int
    var vsz: Int
    var stat: String
    var flags: Int
    var wchan: String

    /// The container's processes, main first; none when it is not running.
    static func list(_ c: Container, now: Double) -> [ContainerProcess] {
        guard c.state.running else { return [] }
        let pid = ContainerInspect.pid(c)
        let started = c.state.startedAt ?? now
        let tty = c.config.tty ? "+" : ""
        if let service = c.serviceProgram {
            var rest = c.config.cmd ?? []
            if service != "registry", let k = c.processArguments.firstIndex(of: service) {
                rest = Array(c.processArguments[(k + 1)...])
            }
            let main = ContainerProcess(pid: pid, ppid: pid - 21, args: ["/bin/sh", "/usr/local/bin/" + service] + rest,
                                        comm: name(service), start: started, rss: 1724, vsz: 2268, stat: "Ss" + tty,
                                        flags: 4, wchan: "sigsus")
            let child = ContainerProcess(pid: pid + 27, ppid: pid, args: ["sleep", "1"], comm: "sleep",
                                         start: max(started, now.rounded(.down)), rss: 1376, vsz: 2268, stat: "S",
                                         flags: 0, wchan: "hrtimer_nanosleep")
            return [main, child]
        }
        let argv = c.processArguments.isEmpty ? ["/bin/sh"] : c.processArguments
        let program = name(argv[0])
        let shell = ["sh", "bash", "ash"].contains(program)
        if shell, let k = argv.firstIndex(of: "-c"), k + 1 < argv.count, let pause = sleepArgument(argv[k + 1]) {
            // `sh -c 'while …; do …; sleep 2; done'`: the shell waits for its sleep.
            let main = ContainerProcess(pid: pid, ppid: pid - 21, args: argv, comm: program, start: started, rss: 1644, vsz: 2268,
                                        stat: "Ss" + tty, flags: 4, wchan: "do_wait")
            let child = ContainerProcess(pid: pid + 28, ppid: pid, args: ["sleep", pause], comm: "sleep",
                                         start: max(started, now.rounded(.down)), rss: 1380, vsz: 2268, stat: "S", flags: 0,
                                         wchan: "hrtimer_nanosleep")
            return [main, child]
        }
        if shell && argv.count == 1 {
            // An interactive shell (`docker run -dit alpine`) waits for its terminal.
            return [ContainerProcess(pid: pid, ppid: pid - 21, args: argv, comm: program, start: started, rss: 1672, vsz: 2268,
                                     stat: "Ss" + tty, flags: 4, wchan: "poll_s")]
        }
        let (rss, wchan) = figures[program] ?? (1380, "hrtimer_nanosleep")
        return [ContainerProcess(pid: pid, ppid: pid - 21, args: argv, comm: program, start: started, rss: rss,
                                 vsz: 2268, stat: "Ss" + tty, flags: 4, wchan: wchan)]
    }

    /// RSS (KiB) and wait channel of busybox programs as the oracle's ps showed them (a wait
    /// channel seen only cut to ps's six columns is kept cut).
    static let figures: [String: (Int, String)] = [
        "sleep": (1380, "hrtimer_nanosleep"), "top": (1608, "hrtime"), "ping": (1532, "skb_wa"), "tail": (1372, "hrtime"),
    ]

    /// The argument of the first `sleep N` in a shell script, if any.
    static func sleepArgument(_ script: String) -> String? {
        let words = script.split(whereSeparator: { $0 == " " || $0 == ";" || $0 == "\n" || $0 == "\t" || $0 == "&" || $0 == "|" })
        guard let k = words.firstIndex(of: "sleep"), k + 1 < words.count else { return nil }
        return String(words[k + 1])
    }

    /// Linux's comm: the base name of the file run, cut to 15 bytes.
    static func name(_ program: String) -> String {
        String((program.split(separator: "/").last.map(String.init) ?? program).prefix(15))
    }
}
