import Foundation
import LabCore

/// Measures the grader as an instructor uses it: a class of transcripts of about 40 commands
/// each (a learner's realistic session around a built-in assignment, in four variants: right,
/// a forgotten alias, a forgotten network, a container stopped) graded by `BatchGrader` on all
/// cores, in wall time; and the process's memory as the batch grows.
public enum GradeBenchmark {
    /// The assignment the class hands in.
    public static let assignment = "container-networks/assignment-two-aliases-one-name"

    /// What one batch measured.
    public struct Result: Sendable {
        public let transcripts: Int
        public let commands: Int
        public let passed: Int
        public let wallSeconds: Double
        public let cpuSeconds: Double
        /// Resident memory just after the batch, with its results still held.
        public let residentBytes: Int
    }

    /// Transcript number `i` of a class: about 40 commands, in one of four variants.
    public static func transcript(_ i: Int) -> String {
        let es2Flags = ["--network search_net --network-alias search", "--network search_net", "", "--network search_net --network-alias search"][i % 4]
        var lines = [
            "docker version", "docker network ls", "docker network create search_net", "docker network inspect search_net",
            "docker image pull elasticsearch:2", "docker images",
            "docker run -d --name es1 --network search_net --network-alias search elasticsearch:2",
            "docker run -d --name es2 \(es2Flags) elasticsearch:2",
            "docker ps", "docker ps -a --format '{{.Names}} {{.Status}}'", "docker logs es1",
            "docker container inspect -f '{{.State.Running}}' es1",
            "docker run --rm --network search_net alpine nslookup search", "docker run --rm --network search_net alpine ping -c1 es1",
            "docker run --rm --network search_net alpine wget -qO- http://search:9200", "docker exec es1 ls /", "docker port es1",
            "docker top es1", "docker run -d --name scratch\(i) busybox sleep 1000", "docker stop scratch\(i)", "docker rm scratch\(i)",
            "docker volume create tmpdata", "docker volume ls", "docker volume rm tmpdata", "docker inspect es2",
            "docker network inspect -f '{{range .Containers}}{{.Name}} {{end}}' search_net", "docker ps -q", "docker images -q",
            "docker container ls --filter name=es", "docker system df", "echo done", "ls /root", "cat /etc/hostname",
            "docker run --rm alpine echo hi", "docker ps -a", "docker network ls --filter driver=bridge", "docker image ls alpine",
            "docker container ls -a -q", "docker stats --no-stream",
        ]
        if i % 4 == 3 { lines.append("docker stop es1") }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Grades `count` transcripts with `workers` threads.
    public static func run(grader: Grader, count: Int = 1_000, workers: Int = ProcessInfo.processInfo.activeProcessorCount) -> Result {
        let items = (0..<count).map { BatchGrader.Item(name: "learner\($0)", source: .data(Data(transcript($0).utf8))) }
        let commands = items.reduce(0) { n, item in
            if case .data(let d) = item.source { return n + d.reduce(0) { $1 == 10 ? $0 + 1 : $0 } }
            return n
        }
        let cpuBefore = processCPUSeconds()
        let start = WallClock.now()
        let entries = BatchGrader.grade(items, with: grader, workers: workers)
        let wall = WallClock.now() - start
        let cpu = processCPUSeconds() - cpuBefore
        let resident = EngineBenchmark.residentBytes()
        return withExtendedLifetime(entries) {
            Result(transcripts: count, commands: commands, passed: entries.filter { $0.report.passed }.count,
                   wallSeconds: wall, cpuSeconds: cpu, residentBytes: resident)
        }
    }

    /// CPU seconds the whole process has used (every thread).
    static func processCPUSeconds() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) / 1e6 + Double(usage.ru_stime.tv_sec) + Double(usage.ru_stime.tv_usec) / 1e6
    }
}
