import Foundation

/// Measures the simulated engine as the grader uses it: a learner's session of docker commands
/// replayed from a fresh lab, over and over, on one core; and the memory a session with 100
/// containers takes.
public enum EngineBenchmark {
    /// One learner's session (written for this benchmark): containers, ports, networks,
    /// volumes, images, exec, logs and clean-up.
    public static let session: [String] = [
        "docker network create appnet",
        "docker volume create data",
        "docker run -d --name web -p 8080:80 --network appnet nginx",
        "docker run -d --name db -e POSTGRES_PASSWORD=secret -v data:/var/lib/postgresql/data --network appnet postgres",
        "docker run -d --name cache --network appnet redis",
        "docker ps",
        "docker ps -a --format '{{.Names}} {{.Status}}'",
        "docker logs web",
        "docker exec web ls /",
        "docker run --rm --network appnet alpine ping -c1 db",
        "docker port web",
        "docker stop cache",
        "docker start cache",
        "docker images",
        "docker tag nginx training/nginx:1.0",
        "docker inspect -f '{{.State.Status}}' web",
        "docker network ls",
        "docker volume ls",
        "docker rm -f web db cache",
        "docker network rm appnet",
    ]

    /// What one run measured.
    public struct Result: Sendable {
        public let commands: Int
        public let seconds: Double
        public var commandsPerSecond: Double { Double(commands) / seconds }
    }

    /// Replays `session` from a fresh lab for about `seconds`.
    public static func replay(seconds: Double = 2, session: [String] = session) -> Result {
        let shell = LabShell()
        let sink = DiscardedOutput()
        var commands = 0
        let start = ParseBenchmark.monotonicSeconds()
        var now = start
        while now - start < seconds {
            var lab = Lab()
            for line in session {
                _ = shell.run(line, origin: .commandString, lab: &lab, output: sink)
                commands += 1
            }
            now = ParseBenchmark.monotonicSeconds()
        }
        return Result(commands: commands, seconds: now - start)
    }

    /// The CPU time of each command of `session`, in microseconds, averaged over `rounds`
    /// replays from a fresh lab: where the replay's time goes.
    public static func perCommand(rounds: Int = 2000, session: [String] = session) -> [(command: String, microseconds: Double)] {
        let shell = LabShell()
        let sink = DiscardedOutput()
        var spent = [Double](repeating: 0, count: session.count)
        for _ in 0..<rounds {
            var lab = Lab()
            for (i, line) in session.enumerated() {
                let start = ParseBenchmark.monotonicSeconds()
                _ = shell.run(line, origin: .commandString, lab: &lab, output: sink)
                spent[i] += ParseBenchmark.monotonicSeconds() - start
            }
        }
        return zip(session, spent).map { ($0, $1 / Double(rounds) * 1_000_000) }
    }

    /// One command run again and again on a copy of the lab `setup` leaves (for profiling one
    /// command): its CPU time per run in microseconds.
    public static func repeatCommand(_ command: String, setup: [String] = Array(session.prefix(5)), seconds: Double = 2) -> Double {
        let shell = LabShell()
        let sink = DiscardedOutput()
        var base = Lab()
        for line in setup { _ = shell.run(line, origin: .commandString, lab: &base, output: sink) }
        var runs = 0
        let start = ParseBenchmark.monotonicSeconds()
        var now = start
        while now - start < seconds {
            for _ in 0..<100 {
                var lab = base
                _ = shell.run(command, origin: .commandString, lab: &lab, output: sink)
            }
            runs += 100
            now = ParseBenchmark.monotonicSeconds()
        }
        return (now - start) / Double(runs) * 1_000_000
    }

    /// A lab with `count` running containers (nginx, each with a published port and a volume),
    /// its saved size in bytes, and the process's resident memory growth while building it.
    public static func memory(containers count: Int = 100) -> (savedBytes: Int, residentBytes: Int) {
        let before = residentBytes()
        var lab = Lab()
        let shell = LabShell()
        let sink = DiscardedOutput()
        for n in 0..<count {
            _ = shell.run("docker run -d --name web\(n) -p \(10000 + n):80 -v vol\(n):/data nginx", origin: .commandString, lab: &lab, output: sink)
        }
        let after = residentBytes()
        let saved = (try? JSONEncoder().encode(lab).count) ?? 0
        withExtendedLifetime(lab) {}
        return (saved, max(0, after - before))
    }

    /// The process's resident set size (Linux /proc/self/statm), or 0 where unavailable.
    public static func residentBytes() -> Int {
        guard let text = ProcFile.text("/proc/self/statm") else { return 0 }
        let fields = text.split(separator: " ")
        guard fields.count > 1, let pages = Int(fields[1]) else { return 0 }
        return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
    }
}
