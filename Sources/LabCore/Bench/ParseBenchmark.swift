#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Measures how fast learners' lines are read: the bash parse of each line plus the docker
/// grammar's parse of every `docker` command in it, on one core, as `lab bench` reports it.
public enum ParseBenchmark {
    /// Typical lines a learner types (written for this benchmark): docker commands of every
    /// family, with and without mistakes, mixed with shell plumbing.
    public static let corpus: [String] = [
        "docker container run --detach --publish 8080:80 --name web nginx",
        "docker run -d -p 80:80 --name webhost nginx:alpine",
        "docker ps -a",
        "docker container ls --all --quiet",
        "docker ps --format '{{.ID}}\\t{{.Names}}' | sort",
        "docker container logs --tail 20 web",
        "docker container stop web && docker container rm web",
        "docker rm -f $(docker ps -aq)",
        "docker image pull alpine:3.19",
        "docker image ls --filter dangling=true",
        "docker tag alpine:3.19 training/alpine:stable",
        "docker network create --driver bridge appnet",
        "docker network connect appnet web",
        "docker container run --rm --network appnet alpine nslookup web",
        "docker volume create pgdata",
        "docker run -d --name pg -e POSTGRES_PASSWORD=secret -v pgdata:/var/lib/postgresql/data postgres:16",
        "docker container inspect -f '{{ .NetworkSettings.IPAddress }}' web",
        "docker exec -it web bash",
        "docker service create --name search --replicas 3 -p 9200:9200 elasticsearch:2",
        "docker service update --image nginx:1.13 --detach=true web",
        "docker swarm init --advertise-addr 192.168.0.8",
        "docker node update --label-add zone=a node2",
        "docker stack deploy -c compose.yml app",
        "docker secret create db_pass secret.txt",
        "docker contaner ls",
        "docker network create --driver",
        "docker run -p abc nginx",
        "docker container run -dit --rm=false alpine sh",
        "echo \"FROM alpine\" > Dockerfile && docker build -t myimage .",
        "cat <<EOF > compose.yml\nservices:\n  web:\n    image: nginx\nEOF",
        "export TAG=1.25; docker pull nginx:$TAG",
        "ls -la | grep Docker | wc -l",
        "for n in 1 2 3; do docker run -d --name web$n nginx; done",
        "docker ps -a | grep Exited | cut -d ' ' -f 1 | xargs docker rm",
    ]

    /// What one run measured.
    public struct Result: Sendable {
        /// Lines parsed (each line once per round).
        public let lines: Int
        /// docker commands parsed by the grammar among them.
        public let dockerCommands: Int
        /// CPU seconds of the measuring thread.
        public let seconds: Double
        /// Lines per second.
        public var linesPerSecond: Double { Double(lines) / seconds }
    }

    /// Parses the corpus over and over for about `seconds` and reports the throughput.
    public static func run(seconds: Double = 2, corpus: [String] = corpus) -> Result {
        var lines = 0
        var docker = 0
        var checksum = 0
        let start = monotonicSeconds()
        var now = start
        while now - start < seconds {
            for line in corpus {
                lines += 1
                guard case .success(let script) = Shell.parse(line) else { checksum &+= 1; continue }
                forEachDockerCommand(in: script) { argv in
                    docker += 1
                    switch DockerCommandLine.parse(argv) {
                    case .invocation(let i): checksum &+= i.arguments.count
                    case .output(let out, _): checksum &+= out.utf8.count
                    case .failure(let e): checksum &+= Int(e.status)
                    }
                }
            }
            now = monotonicSeconds()
        }
        if checksum == Int.min { print("") }  // keeps the work observable
        return Result(lines: lines, dockerCommands: docker, seconds: now - start)
    }

    /// Calls `body` with the words after `docker` of every literal docker command in a parsed script.
    static func forEachDockerCommand(in script: ShellScript, _ body: ([String]) -> Void) {
        func visit(_ list: ShellList) {
            for andOr in list.items {
                visit(andOr.first)
                for (_, pipeline) in andOr.rest { visit(pipeline) }
            }
        }
        func visit(_ pipeline: ShellPipeline) {
            for command in pipeline.commands {
                switch command {
                case .simple(let simple):
                    guard simple.words.count > 0, simple.words[0].literalText == "docker" else { continue }
                    var argv: [String] = []
                    argv.reserveCapacity(simple.words.count - 1)
                    for word in simple.words.dropFirst() { argv.append(word.literalText ?? "") }
                    body(argv)
                case .forLoop(let loop, _, _): visit(loop.body)
                case .group(let l, _, _), .subshell(let l, _, _): visit(l)
                default: break
                }
            }
        }
        script.commands.forEach(visit)
    }

    /// CPU seconds used by the calling thread: "per second on one core" means per second of one
    /// core's time, whatever else the machine is doing.
    public static func monotonicSeconds() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }
}
