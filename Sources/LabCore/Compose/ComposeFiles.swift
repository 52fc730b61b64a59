/// Which Compose files a project reads when no `-f` is given, as each Compose finds them: the
/// first supported name in the working folder or, failing that, the nearest parent folder that
/// has one, then that folder's override file. The two Composes differ in the order of the names
/// and in what they say about several candidates:
/// - docker-compose 1.29 (compose/config/config.py, read on this machine: SUPPORTED_FILENAMES,
///   DEFAULT_OVERRIDE_FILENAMES, get_default_config_files; its warnings recorded from the real
///   docker-compose 1.29.2 here): two override files are an error;
/// - docker compose v2 (compose-go cli/options.go: DefaultFileNames, DefaultOverrideFileNames,
///   WithDefaultConfigPath): several are warnings, the first wins.
enum ComposeFiles {
    static let v1Names = ["docker-compose.yml", "docker-compose.yaml", "compose.yml", "compose.yaml"]
    static let v1Overrides = ["docker-compose.override.yml", "docker-compose.override.yaml", "compose.override.yml", "compose.override.yaml"]
    static let v2Names = ["compose.yaml", "compose.yml", "docker-compose.yml", "docker-compose.yaml"]
    static let v2Overrides = ["compose.override.yml", "compose.override.yaml", "docker-compose.override.yml", "docker-compose.override.yaml"]

    /// What discovery found: the files (absolute paths, base file first) and the warnings to
    /// print on standard error; or the refusal.
    enum Found {
        case files([String], warnings: String)
        case failure(String)
    }

    /// The files of the project whose working folder is `cwd`, or nil when no folder up to `/` has one.
    static func discover(cwd: String, fs: VirtualFileSystem, v2: Bool, now: Double) -> Found? {
        var dir = cwd
        while true {
            let candidates = (v2 ? v2Names : v1Names).filter { fs.contents(of: path(dir, $0)) != nil }
            if let winner = candidates.first {
                var warnings = ""
                if candidates.count > 1 {
                    if v2 {
                        let all = candidates.map { path(dir, $0) }
                        warnings += ComposeWarnings.logrus("Found multiple config files with supported names: " + all.joined(separator: ", "), now: now)
                            + ComposeWarnings.logrus("Using " + all[0], now: now)
                    } else {
                        warnings += "Found multiple config files with supported names: \(candidates.joined(separator: ", "))\nUsing \(winner)\n\n"
                    }
                }
                let overrides = (v2 ? v2Overrides : v1Overrides).filter { fs.contents(of: path(dir, $0)) != nil }
                if overrides.count > 1 {
                    if !v2 {
                        return .failure(warnings + "Multiple override files found: " + overrides.map { "./" + $0 }.joined(separator: ", ") + ". You may only use a single override file.")
                    }
                    let all = overrides.map { path(dir, $0) }
                    warnings += ComposeWarnings.logrus("Found multiple override files with supported names: " + all.joined(separator: ", "), now: now)
                        + ComposeWarnings.logrus("Using " + all[0], now: now)
                }
                return .files([path(dir, winner)] + overrides.prefix(1).map { path(dir, $0) }, warnings: warnings)
            }
            if dir == "/" { return nil }
            dir = VirtualFileSystem.parent(of: dir)
        }
    }

    static func path(_ dir: String, _ name: String) -> String { dir == "/" ? "/" + name : dir + "/" + name }
}

/// How docker compose v2 prints a warning: logrus's text format, as it writes to standard error
/// that is not a terminal (the lab prints v2's plain progress too): `time="…" level=warning msg="…"`.
enum ComposeWarnings {
    static func logrus(_ message: String, now: Double) -> String {
        let quoted = message.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
        return "time=\"\(DockerTime.rfc3339(now))\" level=warning msg=\"\(quoted)\"\n"
    }

    /// compose-go loader.go's warning about `version` (logrus.Warning), for each file that has it.
    static func obsoleteVersion(_ file: String, now: Double) -> String {
        logrus("\(file): the attribute `version` is obsolete, it will be ignored, please remove it to avoid potential confusion", now: now)
    }
}
