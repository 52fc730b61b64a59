import Foundation
import Yams

/// A Compose file (version 3.x) as `docker stack deploy` reads it (docker/cli
/// cli/compose/loader and its JSON schema): services with their deploy section, networks,
/// volumes, secrets and configs. Refusals in the client's words (Fixtures/swarm 11): YAML
/// errors as go-yaml words them, keys the schema does not allow, and the options a swarm
/// ignores (`build`, …) listed before the deploy.
struct StackFile {
    struct Service {
        var name: String
        var spec: ServiceSpec
        /// The image as the file names it (the `com.docker.stack.image` label).
        var image: String
        var networks: [(name: String, aliases: [String])]
        var secrets: [(source: String, target: String?, mode: Int?)]
        var configs: [(source: String, target: String?, mode: Int?)]
        /// Volume mounts: the volume's short name (nil for a bind or anonymous), source, target, read-only.
        var volumes: [(volume: String?, source: String, target: String, readOnly: Bool)]
    }

    var services: [Service] = []
    var networks: [String: [String: Any]] = [:]
    var volumes: [String] = []
    /// Secrets and configs: name → file path (relative to the file's folder) or `external`.
    var secrets: [String: String?] = [:]
    var configs: [String: String?] = [:]
    /// Options the swarm ignores, sorted.
    var unsupported: [String] = []

    /// The keys a service may have (compose schema v3.8).
    static let serviceKeys: Set<String> = [
        "build", "cap_add", "cap_drop", "cgroup_parent", "command", "configs", "container_name", "credential_spec", "depends_on",
        "deploy", "devices", "dns", "dns_search", "domainname", "entrypoint", "env_file", "environment", "expose", "external_links",
        "extra_hosts", "healthcheck", "hostname", "image", "init", "ipc", "isolation", "labels", "links", "logging", "mac_address",
        "network_mode", "networks", "pid", "ports", "privileged", "read_only", "restart", "secrets", "security_opt", "shm_size",
        "stdin_open", "stop_grace_period", "stop_signal", "sysctls", "tmpfs", "tty", "ulimits", "user", "userns_mode", "volumes",
        "working_dir",
    ]
    /// What a swarm ignores (docker/cli cli/command/stack/loader: the unsupported service properties).
    static let ignored: Set<String> = ["build", "cap_add", "cap_drop", "cgroup_parent", "devices", "domainname", "external_links",
                                       "links", "mac_address", "network_mode", "privileged", "restart", "security_opt", "shm_size",
                                       "sysctls", "userns_mode", "container_name", "depends_on"]

    /// Reads the text, or gives the client's refusal.
    static func parse(_ text: String) throws(EngineError) -> StackFile {
        let root: Any?
        do {
            root = try SafeYAML.load(text)
        } catch let error as YamlError {
            throw .other(yamlMessage(error), status: -1)
        } catch let big as SafeYAML.TooLarge {
            throw .other("lab: the stack file is too large: \(big)", status: -1)
        } catch {
            throw .other("yaml: \(error)", status: -1)
        }
        guard let top = root as? [String: Any] else { throw .other("Top-level object must be a mapping", status: -1) }
        for key in top.keys.sorted() where !["version", "services", "networks", "volumes", "secrets", "configs"].contains(key) && !key.hasPrefix("x-") {
            throw .other("Additional property \(key) is not allowed", status: -1)
        }
        var file = StackFile()
        var unsupported = Set<String>()
        let services = top["services"] as? [String: Any] ?? [:]
        for name in services.keys.sorted() {
            let body = services[name] as? [String: Any] ?? [:]
            for key in body.keys.sorted() where !serviceKeys.contains(key) && !key.hasPrefix("x-") {
                throw .other("services.\(name) Additional property \(key) is not allowed", status: -1)
            }
            for key in body.keys where ignored.contains(key) { unsupported.insert(key) }
            file.services.append(service(name, body))
        }
        file.unsupported = unsupported.sorted()
        for (k, v) in top["networks"] as? [String: Any] ?? [:] { file.networks[k] = v as? [String: Any] ?? [:] }
        file.volumes = (top["volumes"] as? [String: Any] ?? [:]).keys.sorted()
        for (k, v) in top["secrets"] as? [String: Any] ?? [:] { file.secrets[k] = (v as? [String: Any])?["file"] as? String }
        for (k, v) in top["configs"] as? [String: Any] ?? [:] { file.configs[k] = (v as? [String: Any])?["file"] as? String }
        return file
    }

    /// go-yaml's wording: `yaml: line N: PROBLEM`.
    static func yamlMessage(_ error: YamlError) -> String {
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _):
            // go-yaml counts the line before libyaml's mark here (Fixtures/swarm 11: `services: [` ends on line 1).
            return "yaml: line \(max(1, mark.line - 1)): \(problem)"
        default:
            return "yaml: \(error)"
        }
    }

    static func strings(_ v: Any?) -> [String]? {
        if let s = v as? String { return s.split(separator: " ").map(String.init) }
        if let a = v as? [Any] { return a.map { "\($0)" } }
        return nil
    }

    static func duration(_ v: Any?) -> Double? { (v as? String).flatMap(RunOptions.goDuration) }

    static func service(_ name: String, _ body: [String: Any]) -> Service {
        let image = body["image"] as? String ?? ""
        var spec = ServiceSpec(name: name, image: image)
        spec.command = strings(body["entrypoint"])
        spec.args = strings(body["command"])
        if let env = body["environment"] as? [String: Any] {
            spec.env = env.keys.sorted().map { k in env[k].map { v in v is NSNull ? k : "\(k)=\(v)" } ?? k }
        } else if let env = body["environment"] as? [Any] {
            spec.env = env.map { "\($0)" }
        }
        spec.hostname = body["hostname"] as? String
        spec.workdir = body["working_dir"] as? String
        spec.user = body["user"] as? String
        spec.stopGracePeriod = duration(body["stop_grace_period"])
        if let ports = body["ports"] as? [Any] {
            spec.ports = ports.compactMap { p in
                if let d = p as? [String: Any] {
                    return (d["target"] as? Int).map { ServiceSpec.PortConfig(protocolName: d["protocol"] as? String ?? "tcp", targetPort: $0,
                                                                             publishedPort: d["published"] as? Int ?? 0, publishMode: d["mode"] as? String ?? "ingress") }
                }
                return ServiceOptions.port("\(p)")
            }
        }
        if let hc = body["healthcheck"] as? [String: Any] {
            if let test = hc["test"] as? [Any] { spec.healthcheck = test.map { "\($0)" } } else if let t = hc["test"] as? String { spec.healthcheck = ["CMD-SHELL", t] }
            spec.healthInterval = duration(hc["interval"])
            spec.healthRetries = hc["retries"] as? Int
        }
        let deploy = body["deploy"] as? [String: Any] ?? [:]
        spec.replicas = deploy["mode"] as? String == "global" ? nil : deploy["replicas"] as? Int ?? 1
        if let placement = deploy["placement"] as? [String: Any] {
            spec.constraints = (placement["constraints"] as? [Any])?.map { "\($0)" } ?? []
            spec.preferences = (placement["preferences"] as? [Any])?.compactMap { ($0 as? [String: Any])?["spread"].map { "spread=\($0)" } } ?? []
            spec.maxReplicasPerNode = placement["max_replicas_per_node"] as? Int ?? 0
        }
        if let resources = deploy["resources"] as? [String: Any] {
            spec.stackResources = true
            let limits = resources["limits"] as? [String: Any] ?? [:], reservations = resources["reservations"] as? [String: Any] ?? [:]
            if let c = limits["cpus"] { spec.limitNanoCPUs = Int64(((Double("\(c)") ?? 0) * 1e9).rounded()) }
            if let m = limits["memory"] { spec.limitMemory = RunOptions.bytes("\(m)") }
            if let c = reservations["cpus"] { spec.reserveNanoCPUs = Int64(((Double("\(c)") ?? 0) * 1e9).rounded()) }
            if let m = reservations["memory"] { spec.reserveMemory = RunOptions.bytes("\(m)") }
        }
        if let r = deploy["restart_policy"] as? [String: Any] {
            if let c = r["condition"] as? String { spec.restartCondition = c }
            if let d = duration(r["delay"]) { spec.restartDelay = d }
            if let n = r["max_attempts"] as? Int { spec.restartMaxAttempts = n }
        }
        if let u = deploy["update_config"] as? [String: Any] {
            if let p = u["parallelism"] as? Int { spec.updateParallelism = p }
            if let d = duration(u["delay"]) { spec.updateDelay = d }
            if let f = u["failure_action"] as? String { spec.updateFailureAction = f }
            if let o = u["order"] as? String { spec.updateOrder = o }
        }
        if let e = deploy["endpoint_mode"] as? String { spec.endpointMode = e }
        if let labels = deploy["labels"] as? [String: Any] { spec.labels = labels.mapValues { "\($0)" } }
        if let labels = body["labels"] as? [String: Any] { spec.containerLabels = labels.mapValues { "\($0)" } }
        var networks: [(String, [String])] = []
        if let list = body["networks"] as? [Any] { networks = list.map { ("\($0)", []) } }
        else if let map = body["networks"] as? [String: Any] {
            networks = map.keys.sorted().map { k in (k, ((map[k] as? [String: Any])?["aliases"] as? [Any])?.map { "\($0)" } ?? []) }
        }
        func refs(_ v: Any?) -> [(String, String?, Int?)] {
            (v as? [Any] ?? []).map { item in
                if let d = item as? [String: Any] {
                    return ("\(d["source"] ?? "")", d["target"] as? String, (d["mode"] as? Int))
                }
                return ("\(item)", nil, nil)
            }
        }
        var volumes: [(String?, String, String, Bool)] = []
        for v in body["volumes"] as? [Any] ?? [] {
            let parts = "\(v)".split(separator: ":").map(String.init)
            guard parts.count >= 2 else { volumes.append((nil, "", parts.first ?? "", false)); continue }
            let named = !parts[0].hasPrefix("/") && !parts[0].hasPrefix(".")
            volumes.append((named ? parts[0] : nil, parts[0], parts[1], parts.count > 2 && parts[2] == "ro"))
        }
        return Service(name: name, spec: spec, image: image, networks: networks, secrets: refs(body["secrets"]), configs: refs(body["configs"]),
                       volumes: volumes)
    }
}
