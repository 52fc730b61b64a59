import Foundation

/// The checks docker commands make in their run step before contacting the daemon:
/// `run`/`create` (pull policy, published and exposed ports, image reference), `pull`,
/// `push` and `tag` (image references). Everything else the engine decides.
enum RunChecks {
    static func check(_ cmd: DockerCommandSpec, _ s: ScannedFlags, path: String) -> DockerCLIError? {
        switch cmd.runCheck {
        case .none:
            return nil
        case .run, .create:
            if let p = s.options["pull"]?.last, !(p == "always" || p == "missing" || p == "never" || p == "") {
                return styled(DockerMessages.invalidPullOption(p), path)
            }
            for p in s.options["publish"] ?? [] {
                if let e = PortSpec.error(p) { return styled(e, path) }
            }
            for e in s.options["expose"] ?? [] {
                if let m = PortSpec.exposeError(e) { return styled(m, path) }
            }
            for flag in ["health-interval", "health-timeout", "health-retries", "health-start-period", "health-start-interval"] {
                if let v = s.options[flag]?.last, v.hasPrefix("-"), v != "-0" {
                    return styled(DockerMessages.cannotBeNegative(flag), path)
                }
            }
            if let image = s.positionals.first, let e = ImageReference.error(image) {
                if cmd.runCheck == .run { return styled(e, path) }
                return DockerCLIError(stderr: e + "\n", status: 1)
            }
        case .pullOrPush:
            if let image = s.positionals.first, let e = ImageReference.error(image) {
                return DockerCLIError(stderr: e + "\n", status: 1)
            }
        case .tag:
            for ref in s.positionals {
                if let e = ImageReference.error(ref) {
                    return DockerCLIError(stderr: DockerMessages.tagParseError(ref, e) + "\n", status: 1)
                }
            }
        case .serviceScale:
            for arg in s.positionals where !arg.contains("=") {
                let paragraphs = cmd.help.components(separatedBy: "\n\n")
                let description = paragraphs.count > 1 ? paragraphs[1] : ""
                return DockerCLIError(stderr: DockerMessages.invalidScaleSpecifier(arg, path: path, usage: cmd.usageLine, description: description), status: 1)
            }
            var errors = ""
            var bad = 0
            for arg in s.positionals {
                let parts = arg.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                let value = String(parts[1])
                if let e = GoValues.parseInteger(value, signed: false, bits: 64) ?? (value.hasPrefix("0") && value.count > 1 ? .syntax : nil) {
                    errors += DockerMessages.invalidReplicas(String(parts[0]), value, DockerMessages.strconvError("ParseUint", value, range: e == .range))
                    bad += 1
                }
            }
            // only when every service is invalid does the client stop before the daemon
            if bad > 0 && bad == s.positionals.count {
                return DockerCLIError(stderr: errors, status: 1)
            }
        case .commit:
            if s.positionals.count > 1, let e = ImageReference.error(s.positionals[1]) {
                return DockerCLIError(stderr: e + "\n", status: 1)
            }
        case .stopOrRestart:
            if s.options["time"] != nil && s.options["timeout"] != nil {
                return DockerCLIError(stderr: DockerMessages.conflictingTimeOptions, status: 1)
            }
        case .networkCreate:
            let subnets = s.options["subnet"]?.count ?? 0
            if subnets < (s.options["ip-range"]?.count ?? 0) || subnets < (s.options["gateway"]?.count ?? 0) {
                return DockerCLIError(stderr: DockerMessages.rangeNeedsSubnet, status: 1)
            }
        }
        return nil
    }

    static func styled(_ message: String, _ path: String) -> DockerCLIError {
        DockerCLIError(stderr: DockerMessages.runError(message, path: path), status: 125)
    }
}
