import Foundation
import Yams

/// A Compose project as docker-compose 1.29 reads it: its name (`-p`, COMPOSE_PROJECT_NAME, or
/// the folder's name), its files (`-f`, merged in order; else the first of the supported names),
/// and its services in file order, with the refusals in docker-compose's words
/// (Fixtures/build 09).
struct ComposeProject {
    struct Service {
        var name: String
        var image: String?
        var build: String?
        var command: [String]?
        var entrypoint: [String]?
        var environment: [String] = []
        var ports: [String] = []
        var volumes: [String] = []
        var networks: [String] = []
        var dependsOn: [String] = []
        var restart: String?
        var containerName: String?
        var healthcheck: [String]?
        var healthInterval: Double?
        /// The healthcheck's other settings as written (interval: 2s, retries: 3…), for `config`.
        var healthSpec: [String: String] = [:]
        /// Whether the test was written as one string (`test: pg_isready`) rather than a list.
        var healthTestWasString = false
        var labels: [String: String] = [:]
        /// Each depends_on service's condition (service_started, service_healthy,
        /// service_completed_successfully) when the long form gives one.
        var conditions: [String: String] = [:]
        /// The condition `config` prints and `up` waits for.
        func condition(_ dependency: String) -> String { conditions[dependency] ?? "service_started" }
    }

    var name: String
    /// The project's folder: relative bind mounts (`./site:/site`) start there.
    var directory: String
    var services: [Service]
    var volumes: [String]
    var networks: [String]
    /// The merged file, as `config` prints it.
    var merged: [String: Any]
    /// What reading the files warned about (several candidates, v2's obsolete `version`), for standard error.
    var warnings = ""

    static let fileNames = ["docker-compose.yml", "docker-compose.yaml", "compose.yml", "compose.yaml"]

    /// What is wrong, in docker-compose's words (printed as is, exit status 1).
    struct Failure: Error { let message: String }

    static let notFound = """

                Can't find a suitable configuration file in this directory or any
                parent. Are you in the right directory?

                Supported filenames: docker-compose.yml, docker-compose.yaml, compose.yml, compose.yaml
                \("")
        """

    /// Reads the project from the machine's files: the `-f` files, else COMPOSE_FILE's, else the
    /// ones ComposeFiles discovers; each Compose with its own wording (`v2`: docker compose).
    static func load(files requested: [String], project: String?, environment: [String: String], cwd: String,
                     fs: VirtualFileSystem, v2: Bool = false, now: Double = 0) throws(Failure) -> ComposeProject {
        // Each file: where it is read, and how the Compose names it in messages (1.29: as given or
        // ./NAME, ./../NAME for a parent folder's; v2: the absolute path).
        var paths: [(read: String, shown: String)] = []
        var warnings = ""
        let given = requested.isEmpty ? (environment["COMPOSE_FILE"] ?? "").split(separator: ":").map(String.init) : requested
        if given.isEmpty {
            switch ComposeFiles.discover(cwd: cwd, fs: fs, v2: v2, now: now) {
            case nil: throw Failure(message: v2 ? "no configuration file provided: not found" : notFound)
            case .failure(let why)?: throw Failure(message: why)
            case .files(let found, let w)?:
                warnings = w
                paths = found.map { full in
                    let dir = VirtualFileSystem.parent(of: full)
                    let ups = cwd.split(separator: "/").count - dir.split(separator: "/").count
                    return (full, v2 ? full : "." + String(repeating: "/..", count: max(0, ups)) + "/" + VirtualFileSystem.baseName(of: full))
                }
            }
        } else {
            paths = given.map { path in
                let full = VirtualFileSystem.normalise(path, cwd: cwd)
                return (full, v2 ? full : path.hasPrefix("/") ? path : "./" + path)
            }
        }
        // The project's folder is the first file's (relative paths, env files and its name start there).
        let directory = VirtualFileSystem.parent(of: paths[0].read)
        var merged: [String: Any] = [:]
        for (path, display) in paths {
            guard let text = fs.contents(of: path) else {
                throw Failure(message: v2 ? "open \(display): no such file or directory" : ".FileNotFoundError: [Errno 2] No such file or directory: '\(display)'")
            }
            let root: Any?
            do { root = try SafeYAML.load(text) } catch { throw Failure(message: PyYAMLErrors.message(error, file: display)) }
            guard let top = root as? [String: Any] else { throw Failure(message: "Top level object in '\(display)' needs to be an object not '\(type(of: root))'.") }
            if let v = top["version"] {
                let version = "\(v)"
                if v2 {
                    warnings += ComposeWarnings.obsoleteVersion(display, now: now)
                } else {
                    guard version.hasPrefix("2") || version.hasPrefix("3") else { throw Failure(message: "Version \"\(version)\" in \"\(display)\" is invalid.") }
                }
            }
            for (name, body) in top["services"] as? [String: Any] ?? [:] {
                for key in (body as? [String: Any] ?? [:]).keys.sorted() where !StackFile.serviceKeys.contains(key) && !key.hasPrefix("x-") {
                    // v2: compose-go's schema.Validate, "validating FILE: PATH additional properties 'KEY' not allowed".
                    throw Failure(message: v2 ? "validating \(display): services.\(name) additional properties '\(key)' not allowed"
                                              : "The Compose file '\(display)' is invalid because:\nUnsupported config option for services.\(name): '\(key)'")
                }
                for port in (body as? [String: Any])?["ports"] as? [Any] ?? [] where port is String && Int(port as! String) == nil && ServiceOptions.port(port as! String) == nil {
                    throw Failure(message: "The Compose file '\(display)' is invalid because:\nservices.\(name).ports contains an invalid type, it should be a number, or an object")
                }
            }
            merged = merge(merged, top)
        }
        let serviceMap = merged["services"] as? [String: Any] ?? [:]
        var services: [Service] = []
        for name in order(of: (given.isEmpty ? paths.first : paths.last).flatMap { fs.contents(of: $0.read) } ?? "", keys: Array(serviceMap.keys)) {
            let body = serviceMap[name] as? [String: Any] ?? [:]
            var s = Service(name: name)
            s.image = body["image"] as? String
            if let b = body["build"] as? String { s.build = b } else if let b = body["build"] as? [String: Any] { s.build = b["context"] as? String ?? "." }
            if s.image == nil && s.build == nil {
                throw Failure(message: v2 ? "service \"\(name)\" has neither an image nor a build context specified: invalid compose project"
                                          : "The Compose file is invalid because:\nService \(name) has neither an image nor a build context specified. At least one must be provided.")
            }
            s.command = StackFile.strings(body["command"])
            s.entrypoint = StackFile.strings(body["entrypoint"])
            // env_file lines first, then `environment`, which wins for a name both give.
            var env: [(String, String)] = []
            func set(_ key: String, _ value: String) {
                if let k = env.firstIndex(where: { $0.0 == key }) { env[k].1 = value } else { env.append((key, value)) }
            }
            for file in StackFile.strings(body["env_file"]) ?? [] {
                for line in (fs.contents(of: VirtualFileSystem.normalise(file, cwd: directory)) ?? "").split(separator: "\n")
                where !line.hasPrefix("#") && line.contains("=") {
                    let kv = line.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                    if !kv[0].isEmpty { set(String(kv[0]), String(kv[1])) }
                }
            }
            let given = environmentMap(body["environment"]) ?? [:]
            for key in given.keys.sorted() { if let v = given[key] as? String { set(key, v) } }
            s.environment = env.map { $0.0 + "=" + $0.1 }
            s.ports = (body["ports"] as? [Any] ?? []).map { "\($0)" }
            s.volumes = (body["volumes"] as? [Any] ?? []).map { "\($0)" }
            if let n = body["networks"] as? [Any] { s.networks = n.map { "\($0)" } } else if let n = body["networks"] as? [String: Any] { s.networks = n.keys.sorted() }
            if let d = body["depends_on"] as? [Any] {
                s.dependsOn = d.map { "\($0)" }
            } else if let d = body["depends_on"] as? [String: Any] {
                s.dependsOn = d.keys.sorted()
                for (dep, spec) in d { s.conditions[dep] = (spec as? [String: Any])?["condition"] as? String ?? "service_started" }
            }
            s.restart = body["restart"] as? String
            s.containerName = body["container_name"] as? String
            if let hc = body["healthcheck"] as? [String: Any], let test = hc["test"] {
                s.healthcheck = (test as? [Any])?.map { "\($0)" } ?? ["CMD-SHELL", "\(test)"]
                s.healthInterval = StackFile.duration(hc["interval"])
                s.healthSpec = hc.mapValues { "\($0)" }.filter { $0.key != "test" }
                s.healthTestWasString = test is String
            }
            if let l = body["labels"] as? [String: Any] { s.labels = l.mapValues { "\($0)" } }
            services.append(s)
        }
        let folder = directory.split(separator: "/").last.map(String.init) ?? "default"
        let raw = project ?? environment["COMPOSE_PROJECT_NAME"] ?? folder
        let name = String(raw.lowercased().filter { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" })
        return ComposeProject(name: name, directory: directory, services: services, volumes: (merged["volumes"] as? [String: Any] ?? [:]).keys.sorted(),
                              networks: (merged["networks"] as? [String: Any] ?? [:]).keys.sorted(), merged: merged, warnings: warnings)
    }

    /// The services' names in the order the file gives them (Yams maps lose it).
    static func order(of text: String, keys: [String]) -> [String] {
        var seen: [String] = []
        var inServices = false
        for line in text.split(separator: "\n") {
            if line.hasPrefix("services:") { inServices = true; continue }
            if inServices, let first = line.first, first != " " && first != "#" { inServices = false }
            guard inServices, line.hasPrefix("  "), !line.hasPrefix("   "), line.hasSuffix(":") || line.contains(": ") || line.hasSuffix(":") else { continue }
            let name = line.trimmingCharacters(in: .whitespaces).split(separator: ":").first.map(String.init) ?? ""
            if keys.contains(name), !seen.contains(name) { seen.append(name) }
        }
        return seen + keys.filter { !seen.contains($0) }.sorted()
    }

    /// Files merged as docker-compose merges `-f` files: mappings key by key, the rest replaced.
    static func merge(_ a: [String: Any], _ b: [String: Any]) -> [String: Any] {
        var out = a
        for (k, v) in b {
            if k == "environment", let x = environmentMap(out[k]), let y = environmentMap(v) { out[k] = x.merging(y) { $1 } }
            else if let x = out[k] as? [String: Any], let y = v as? [String: Any] { out[k] = merge(x, y) } else { out[k] = v }
        }
        return out
    }

    /// A service's `environment` as a map, from either form (`- NAME=value` or `NAME: value`);
    /// values as strings, a bare name (taken from the host by docker-compose) left out.
    static func environmentMap(_ value: Any?) -> [String: Any]? {
        if let map = value as? [String: Any] {
            return map.compactMapValues { $0 is NSNull ? nil : "\($0)" }
        }
        guard let list = value as? [Any] else { return nil }
        var out: [String: Any] = [:]
        for item in list {
            let kv = "\(item)".split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            if kv.count == 2, !kv[0].isEmpty { out[String(kv[0])] = String(kv[1]) }
        }
        return out
    }
}
