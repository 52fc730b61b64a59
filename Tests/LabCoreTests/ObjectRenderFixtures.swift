import Foundation
import XCTest

@testable import LabCore

/// The real engine's recordings of Fixtures/render (record.py → cases.json, record-extra.py →
/// extra.json) and an engine model rebuilt from what they show (`docker inspect` of each object,
/// `docker images --no-trunc`), so rendered output can be compared with the recorded output.
struct RenderFixture {
    struct Case: Decodable {
        var command: String
        var stdout: String
        var stderr: String
        var status: Int32
        var now: Double
    }

    struct Recording: Decodable {
        var setup: [Case]
        var cases: [Case]
        var cleanup: [Case]
    }

    let cases: [String: Case]
    var engine: DockerEngine

    static func load(_ name: String) throws -> Recording {
        let url = try XCTUnwrap(Bundle.module.url(forResource: name, withExtension: "json", subdirectory: "Fixtures/render"))
        return try JSONDecoder().decode(Recording.self, from: Data(contentsOf: url))
    }

    /// cases.json's engine: its containers, the rnd-net network, volumes and every image.
    static func main() throws -> RenderFixture {
        let rec = try load("cases")
        var cases: [String: Case] = [:]
        for c in rec.cases { cases[c.command] = c }
        var engine = DockerEngine(machine: "render", now: 0)
        // The predefined networks as `docker network ls --format json` and `--no-trunc` showed them.
        let ids = try XCTUnwrap(cases["docker network ls --no-trunc"]).stdout.split(separator: "\n").dropFirst()
            .map { $0.split(separator: " ").map(String.init) }
        let rows = try XCTUnwrap(cases["docker network ls --format json"]).stdout.split(separator: "\n")
            .map { try JSONValue(parsing: String($0)) }
        for (i, n) in engine.networks.enumerated() {
            let id = try XCTUnwrap(ids.first { $0.count > 1 && $0[1] == n.name })[0]
            engine.networks[i].id = id
            let row = try XCTUnwrap(rows.first { $0["Name"]?.stringValue == n.name })
            engine.networks[i].created = parseGoTime(row["CreatedAt"]?.stringValue ?? "")
        }
        for doc in try inspected(cases["docker network inspect rnd-net"]) { engine.networks.append(network(doc)) }
        for name in ["rnd-web", "rnd-created", "rnd-exited", "rnd-onnet", "rnd-exposed", "rnd-paused"] {
            for doc in try inspected(cases["docker inspect " + name]) { engine.containers.append(container(doc)) }
        }
        engine.containers.append(try transplantPorts(rec, cases))
        engine.containers.sort { $0.created < $1.created }
        for doc in try inspected(cases["docker volume inspect rnd-data rnd-vol2"]) { engine.volumes.append(volume(doc)) }
        let anonymous = try XCTUnwrap(cases["docker volume ls -q"]).stdout.split(separator: "\n").first { $0.count == 64 }
        engine.volumes.insert(Volume(name: anonymous.map { String($0) } ?? "", driver: "local", created: 0, labels: [:], anonymous: true,
                                     files: VirtualFileSystem()), at: 0)
        engine.images = try images(cases)
        return RenderFixture(cases: cases, engine: engine)
    }

    /// rnd-ports ran in both recordings but was inspected only in extra.json: its document there,
    /// with the id cases.json's `docker ps --no-trunc` shows and times shifted by when its
    /// `docker run` started in each recording.
    static func transplantPorts(_ rec: Recording, _ cases: [String: Case]) throws -> Container {
        let extra = try load("extra")
        let doc = try XCTUnwrap(try inspected(extra.cases.first { $0.command == "docker inspect rnd-ports" }).first)
        var c = container(doc)
        let line = try XCTUnwrap(try XCTUnwrap(cases["docker container ls -a --no-trunc"]).stdout.split(separator: "\n")
            .first { $0.hasSuffix(" rnd-ports") })
        c.id = String(line.prefix(64))
        c.config.hostname = String(c.id.prefix(12))
        let run = { (r: Recording) in r.setup.first { $0.command.contains("--name rnd-ports") }?.now ?? 0 }
        let shift = run(rec) - run(extra)
        c.created += shift
        c.state.startedAt = c.state.startedAt.map { $0 + shift }
        return c
    }

    /// Every image of `docker images --no-trunc`, created at the second `--format json` shows,
    /// the stand-ins' size; nginx's config from its recorded inspect.
    static func images(_ cases: [String: Case]) throws -> [LocalImage] {
        let table = try XCTUnwrap(cases["docker images --no-trunc"]).stdout.split(separator: "\n").dropFirst()
        let rows = try XCTUnwrap(cases["docker images --format json"]).stdout.split(separator: "\n").map { try JSONValue(parsing: String($0)) }
        let digestRows = try XCTUnwrap(cases["docker images --digests"]).stdout.split(separator: "\n").dropFirst()
        var images: [LocalImage] = []
        for line in table {
            let cells = line.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
            let (repo, tag, id) = (cells[0], cells[1], cells[2])
            let row = try XCTUnwrap(rows.first { $0["ID"]?.stringValue == String(id.dropFirst(7).prefix(12)) })
            let created = parseGoTime(row["CreatedAt"]?.stringValue ?? "")
            let digest = digestRows.map { $0.split(separator: " ", omittingEmptySubsequences: true).map(String.init) }
                .first { $0[0] == repo && $0[1] == tag }?[2]
            if let i = images.firstIndex(where: { $0.id == id }) {
                images[i].repoTags.append(repo + ":" + tag)
                continue
            }
            var image = LocalImage(id: id, repoTags: repo == "<none>" ? [] : [repo + ":" + tag], repoDigests: [], created: created,
                                   entrypoint: nil, cmd: nil, env: [], exposedPorts: [], volumes: [], workingDir: "", size: 1_985_610,
                                   service: nil)
            if let digest, digest != "<none>" { image.repoDigests = [repo + "@" + digest] }
            images.append(image)
        }
        // Creation times to the nanosecond (images of the same second are ordered by them in
        // before/since filters): the stand-ins from extra.json, rnd-img:1 from its inspect.
        let stamps = try load("extra").cases.first { $0.command.hasPrefix("docker image inspect -f '{{.Id}} {{.Created}}'") }
        for line in try XCTUnwrap(stamps).stdout.split(separator: "\n") {
            let parts = line.split(separator: " ")
            if parts.count == 2, let i = images.firstIndex(where: { $0.id == parts[0] }) { images[i].created = parseTime(String(parts[1])) }
        }
        if let doc = try inspected(cases["docker image inspect rnd-img:1"]).first,
           let i = images.firstIndex(where: { $0.id == doc["Id"]?.stringValue }) {
            images[i].created = parseTime(doc["Created"]?.stringValue ?? "")
        }
        if let doc = try inspected(cases["docker image inspect rnd-tag/nginx:1"]).first,
           let i = images.firstIndex(where: { $0.id == doc["Id"]?.stringValue }) {
            let config = doc["Config"] ?? .null
            images[i].entrypoint = strings(config["Entrypoint"])
            images[i].cmd = strings(config["Cmd"])
            images[i].env = strings(config["Env"]) ?? []
            images[i].exposedPorts = keys(config["ExposedPorts"])
            images[i].created = parseTime(doc["Created"]?.stringValue ?? "")
            images[i].repoTags = strings(doc["RepoTags"]) ?? []
            images[i].repoDigests = strings(doc["RepoDigests"]) ?? []
        }
        return images
    }

    static func inspected(_ c: Case?) throws -> [JSONValue] {
        guard case .array(let list) = try JSONValue(parsing: try XCTUnwrap(c).stdout) else { return [] }
        return list
    }

    static func strings(_ v: JSONValue?) -> [String]? {
        guard case .array(let a) = v ?? .null else { return nil }
        return a.compactMap(\.stringValue)
    }

    static func keys(_ v: JSONValue?) -> [String] {
        guard case .object(let o) = v ?? .null else { return [] }
        return o.keys
    }

    static func labels(_ v: JSONValue?) -> [String: String] {
        guard case .object(let o) = v ?? .null else { return [:] }
        var d: [String: String] = [:]
        for e in o.entries { d[e.key] = e.value.stringValue }
        return d
    }

    static func int(_ v: JSONValue?) -> Int64 {
        if case .int(let i) = v ?? .null { return i }
        if case .double(let d) = v ?? .null { return Int64(d) }
        return 0
    }

    static func bool(_ v: JSONValue?) -> Bool { v == .bool(true) }

    /// RFC 3339 (`2026-11-24T05:57:12.55385242Z`) to Unix seconds; nil for Go's zero time.
    static func parseTime(_ s: String) -> Double {
        let digits = s.unicodeScalars.map { $0 }
        func num(_ from: Int, _ n: Int) -> Int64 { Int64(String(String.UnicodeScalarView(digits[from..<from + n]))) ?? 0 }
        let y = num(0, 4), m = num(5, 2), d = num(8, 2), hh = num(11, 2), mm = num(14, 2), ss = num(17, 2)
        let yy = m <= 2 ? y - 1 : y
        let era = (yy >= 0 ? yy : yy - 399) / 400
        let yoe = yy - era * 400
        let doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        let days = era * 146_097 + doe - 719_468
        var t = Double(days * 86_400 + hh * 3600 + mm * 60 + ss)
        if digits.count > 19, digits[19] == "." {
            var frac = ""
            for u in digits[20...] where u.properties.numericType != nil { frac.unicodeScalars.append(u) }
            t += Double("0." + frac) ?? 0
        }
        return t
    }

    /// `2026-11-24 05:57:12.1 +0000 UTC` to Unix seconds.
    static func parseGoTime(_ s: String) -> Double {
        let parts = s.split(separator: " ")
        guard parts.count >= 2 else { return 0 }
        return parseTime(parts[0] + "T" + parts[1] + "Z")
    }

    static func optionalTime(_ v: JSONValue?) -> Double? {
        let s = v?.stringValue ?? DockerTime.zero
        return s == DockerTime.zero ? nil : parseTime(s)
    }

    static func container(_ doc: JSONValue) -> Container {
        let config = doc["Config"] ?? .null, host = doc["HostConfig"] ?? .null, state = doc["State"] ?? .null
        let settings = doc["NetworkSettings"] ?? .null
        let id = doc["Id"]?.stringValue ?? ""
        var cfg = ContainerConfig(hostname: config["Hostname"]?.stringValue ?? "", exposedPorts: keys(config["ExposedPorts"]),
                                  env: strings(config["Env"]) ?? [], cmd: strings(config["Cmd"]),
                                  image: config["Image"]?.stringValue ?? "", volumes: keys(config["Volumes"]),
                                  workingDir: config["WorkingDir"]?.stringValue ?? "", entrypoint: strings(config["Entrypoint"]),
                                  labels: labels(config["Labels"]), stopSignal: nil, healthcheck: nil)
        cfg.user = config["User"]?.stringValue ?? ""
        cfg.attachStdin = bool(config["AttachStdin"])
        cfg.attachStdout = bool(config["AttachStdout"])
        cfg.attachStderr = bool(config["AttachStderr"])
        cfg.tty = bool(config["Tty"])
        cfg.openStdin = bool(config["OpenStdin"])
        cfg.stdinOnce = bool(config["StdinOnce"])
        var bindings: [PortBinding] = []
        if case .object(let pb) = host["PortBindings"] ?? .null {
            for e in pb.entries {
                let (port, proto) = PortDisplay.split(e.key)
                guard case .array(let list) = e.value else { continue }
                for b in list {
                    bindings.append(PortBinding(containerPort: port, proto: proto, hostIP: b["HostIp"]?.stringValue ?? "",
                                                hostPort: b["HostPort"]?.stringValue ?? ""))
                }
            }
        }
        var bound: [PortBinding] = []
        if case .object(let ports) = settings["Ports"] ?? .null {
            for e in ports.entries {
                let (port, proto) = PortDisplay.split(e.key)
                guard case .array(let list) = e.value else { continue }
                for b in list {
                    bound.append(PortBinding(containerPort: port, proto: proto, hostIP: b["HostIp"]?.stringValue ?? "",
                                             hostPort: b["HostPort"]?.stringValue ?? ""))
                }
            }
        }
        let restart = host["RestartPolicy"] ?? .null
        let hc = HostConfig(binds: strings(host["Binds"]), portBindings: bindings, restartPolicy: restart["Name"]?.stringValue ?? "no",
                            maximumRetryCount: Int(int(restart["MaximumRetryCount"])), autoRemove: bool(host["AutoRemove"]),
                            networkMode: host["NetworkMode"]?.stringValue ?? "default", publishAllPorts: bool(host["PublishAllPorts"]),
                            memory: int(host["Memory"]), nanoCpus: int(host["NanoCpus"]), volumesFrom: strings(host["VolumesFrom"]))
        let st = ContainerState(status: state["Status"]?.stringValue ?? "", exitCode: Int32(int(state["ExitCode"])),
                                error: state["Error"]?.stringValue ?? "", startedAt: optionalTime(state["StartedAt"]),
                                finishedAt: optionalTime(state["FinishedAt"]), pid: Int(int(state["Pid"])),
                                oomKilled: bool(state["OOMKilled"]), endsAt: nil, endCode: 0)
        var endpoints: [Endpoint] = []
        if case .object(let nets) = settings["Networks"] ?? .null {
            for e in nets.entries {
                let v = e.value
                guard let nid = v["NetworkID"]?.stringValue, !nid.isEmpty else { continue }
                let aliases = (strings(v["Aliases"]) ?? []).filter { $0 != String(id.prefix(12)) }
                endpoints.append(Endpoint(networkName: e.key, networkID: nid, endpointID: v["EndpointID"]?.stringValue ?? "",
                                          ipAddress: v["IPAddress"]?.stringValue ?? "", prefixLength: Int(int(v["IPPrefixLen"])),
                                          gateway: v["Gateway"]?.stringValue ?? "", macAddress: v["MacAddress"]?.stringValue ?? "",
                                          aliases: aliases))
            }
        }
        var mounts: [Mount] = []
        if case .array(let list) = doc["Mounts"] ?? .null {
            for m in list {
                mounts.append(Mount(type: m["Type"]?.stringValue ?? "", name: m["Name"]?.stringValue, source: m["Source"]?.stringValue ?? "",
                                    destination: m["Destination"]?.stringValue ?? "", mode: m["Mode"]?.stringValue ?? "",
                                    readWrite: bool(m["RW"])))
            }
        }
        return Container(id: id, name: String((doc["Name"]?.stringValue ?? "").dropFirst()), created: parseTime(doc["Created"]?.stringValue ?? ""),
                         imageID: doc["Image"]?.stringValue ?? "", config: cfg, hostConfig: hc, state: st, endpoints: endpoints,
                         boundPorts: bound, mounts: mounts, logs: [], restartCount: Int(int(doc["RestartCount"])),
                         files: VirtualFileSystem(), changes: [:])
    }

    static func network(_ doc: JSONValue) -> Network {
        let config: JSONValue
        if case .array(let list) = doc["IPAM"]?["Config"] ?? .null, let first = list.first { config = first } else { config = .null }
        return Network(id: doc["Id"]?.stringValue ?? "", name: doc["Name"]?.stringValue ?? "", driver: doc["Driver"]?.stringValue ?? "",
                       scope: doc["Scope"]?.stringValue ?? "", created: parseTime(doc["Created"]?.stringValue ?? ""),
                       subnet: config["Subnet"]?.stringValue, gateway: config["Gateway"]?.stringValue,
                       userSubnet: config["Gateway"] == nil, isDefaultBridge: false, labels: labels(doc["Labels"]),
                       options: labels(doc["Options"]), attachable: bool(doc["Attachable"]), internal: bool(doc["Internal"]), nextHost: 2)
    }

    static func volume(_ doc: JSONValue) -> Volume {
        Volume(name: doc["Name"]?.stringValue ?? "", driver: doc["Driver"]?.stringValue ?? "",
               created: parseTime(doc["CreatedAt"]?.stringValue ?? ""), labels: labels(doc["Labels"]), anonymous: false,
               files: VirtualFileSystem())
    }

    /// Inspect text with what this model derives differently blanked: sandbox ids and keys,
    /// overlay2 layer directories, RootFS layers, process ids, and sub-microsecond time digits
    /// (a Double holds simulated times to about 0.2 µs).
    static func normaliseInspect(_ text: String) -> String {
        var s = text
        let rules: [(String, String)] = [
            (#""SandboxID": "[0-9a-f]{64}""#, #""SandboxID": "<SANDBOX>""#),
            (#"/var/run/docker/netns/[0-9a-f]{12}"#, "/var/run/docker/netns/<SANDBOX>"),
            (#"/var/lib/docker/overlay2/[0-9a-f]{64}"#, "/var/lib/docker/overlay2/<LAYER>"),
            (#""sha256:[0-9a-f]{64}"\n(\s*)\]\n(\s*)\},\n(\s*)"Metadata""#, "\"sha256:<LAYER>\"\n$1]\n$2},\n$3\"Metadata\""),
            (#""Pid": [1-9][0-9]*"#, #""Pid": <PID>"#),
            (#"(\d\d:\d\d:\d\d)\.\d+Z"#, "$1Z"),
            (#"(\d\d:\d\d:\d\d)\.\d+ \+0000"#, "$1 +0000"),
        ]
        for (pattern, replacement) in rules {
            s = s.replacingOccurrences(of: pattern, with: replacement, options: .regularExpression)
        }
        return s
    }
}

/// Builds a DockerInvocation from a recorded `docker …` line (enough quoting for the fixtures).
func renderInvocation(_ line: String) -> DockerInvocation {
    var words: [String] = []
    var current = "", quote: Character? = nil, inWord = false
    for ch in line {
        if let q = quote {
            if ch == q { quote = nil } else { current.append(ch) }
        } else if ch == "'" || ch == "\"" {
            quote = ch
            inWord = true
        } else if ch == " " {
            if inWord { words.append(current) }
            current = ""
            inWord = false
        } else {
            current.append(ch)
            inWord = true
        }
    }
    if inWord { words.append(current) }
    guard case .invocation(let inv) = DockerCommandLine.parse(Array(words.dropFirst())) else {
        XCTFail("not accepted: \(line)")
        return DockerInvocation(path: [], typed: "", options: [:], arguments: [], global: [:])
    }
    return inv
}
