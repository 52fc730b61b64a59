import Foundation

/// The checks docker commands make in their run step before contacting the daemon:
/// `run`/`create` (pull policy, published and exposed ports, image reference), `pull`,
/// `push` and `tag` (image references). Everything else the engine decides.
enum RunChecks {
    static func check(_ cmd: DockerCommandSpec, _ s: inout ScannedFlags, path: String) -> DockerCLIError? {
        switch cmd.runCheck {
        case .none:
            return nil
        case .run, .create:
            // run.go/create.go name the short command in the footer whatever was typed
            let short = cmd.runCheck == .run ? "docker run" : "docker create"
            if let p = s.options["pull"]?.last, !(p == "always" || p == "missing" || p == "never" || p == "") {
                return styled(DockerMessages.invalidPullOption(p), short)
            }
            if s.runChecked, let e = ContainerRunChecks.firstError(s) { return styled(e, short) }
            var later: String? = nil
            if let image = s.positionals.first { later = ImageReference.error(image) }
            if later == nil, let p = s.options["platform"]?.last, !p.isEmpty, let e = ContainerRunChecks.platformError(p) {
                later = DockerMessages.platformParseError(e)
            }
            if let e = later {
                if cmd.runCheck == .run { return styled(e, short) }
                return DockerCLIError(stderr: e + "\n", status: 1)
            }
        case .pullOrPush:
            if cmd.canonical[1] == "push", let p = s.options["platform"]?.last, !p.isEmpty {
                if let e = ContainerRunChecks.platformError(p) {
                    return DockerCLIError(stderr: DockerMessages.pushInvalidPlatform(p, e), status: 1)
                }
                s.notices += DockerMessages.pushPlatformNote
            }
            if let image = s.positionals.first {
                if let e = ImageReference.error(image) { return DockerCLIError(stderr: e + "\n", status: 1) }
                if s.options["all-tags"]?.last == "true" && ImageReference.hasTagOrDigest(image) {
                    return DockerCLIError(stderr: DockerMessages.tagWithAllTags, status: 1)
                }
            }
        case .inspect:
            if let t = s.options["type"]?.last, !t.isEmpty,
               !["config", "container", "image", "network", "node", "plugin", "secret", "service", "task", "volume"].contains(t) {
                return DockerCLIError(stderr: DockerMessages.unknownInspectType(t), status: 1)
            }
        case .serviceCreate:
            if let m = s.options["mode"]?.last, !["replicated", "global", "replicated-job", "global-job"].contains(m) {
                return DockerCLIError(stderr: DockerMessages.unknownServiceMode(m), status: 1)
            }
        case .stackCompose:
            if (s.options["compose-file"] ?? []).allSatisfy({ $0.isEmpty }) {
                return DockerCLIError(stderr: DockerMessages.specifyComposeFile, status: 1)
            }
        case .imagePlatform:
            if let p = s.options["platform"]?.last, !p.isEmpty, let e = ContainerRunChecks.platformError(p) {
                let bare = cmd.canonical[1] == "inspect" || cmd.canonical[1] == "rm"
                return DockerCLIError(stderr: (bare ? e : DockerMessages.invalidPlatform(e)) + "\n", status: 1)
            }
        case .update:
            if s.options.isEmpty { return DockerCLIError(stderr: DockerMessages.updateNeedsFlags, status: 1) }
        case .start:
            if s.positionals.count > 1 {
                if s.options["attach"]?.last == "true" || s.options["interactive"]?.last == "true" {
                    return DockerCLIError(stderr: DockerMessages.startAttachMany, status: 1)
                }
                if let c = s.options["checkpoint"]?.last, !c.isEmpty {
                    return DockerCLIError(stderr: DockerMessages.startRestoreMany, status: 1)
                }
            }
        case .imageList:
            if s.options["tree"]?.last == "true" {
                let o = s.options
                if o["quiet"]?.last == "true" { return DockerCLIError(stderr: DockerMessages.notWithTree("--quiet"), status: 1) }
                if o["no-trunc"]?.last == "true" { return DockerCLIError(stderr: DockerMessages.notWithTree("--no-trunc"), status: 1) }
                if o["digests"]?.last == "true" { return DockerCLIError(stderr: DockerMessages.notWithTree("--show-digest"), status: 1) }
                if let f = o["format"]?.last, !f.isEmpty { return DockerCLIError(stderr: DockerMessages.notWithTree("--format"), status: 1) }
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
        case .events:
            for flag in ["since", "until"] {
                guard let v = s.options[flag]?.last else { continue }
                if !isTimestamp(v) { return DockerCLIError(stderr: DockerMessages.badTimestamp(v), status: 1) }
                if let e = dateRangeError(v) { return DockerCLIError(stderr: e, status: 1) }
            }
        case .swarmInitOrJoin:
            if let a = s.options["availability"]?.last, !["active", "pause", "drain"].contains(a.lowercased()) {
                return DockerCLIError(stderr: DockerMessages.invalidAvailability(a), status: 1)
            }
        case .networkConnect:
            for o in s.options["driver-opt"] ?? [] where !o.contains("=") {
                return DockerCLIError(stderr: DockerMessages.badDriverOpt, status: 1)
            }
        case .networkCreate:
            let subnets = s.options["subnet"]?.count ?? 0
            if subnets < (s.options["ip-range"]?.count ?? 0) || subnets < (s.options["gateway"]?.count ?? 0) {
                return DockerCLIError(stderr: DockerMessages.rangeNeedsSubnet, status: 1)
            }
        }
        return nil
    }

    /// Values `docker events --since/--until` take: Go durations, Unix times, RFC 3339 dates.
    static func isTimestamp(_ v: String) -> Bool {
        if GoValues.durationError(v) == nil { return true }
        let parts = v.split(separator: ".", omittingEmptySubsequences: false)
        if parts.count <= 2 && parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }) { return true }
        let u = Array(v.utf8)
        guard u.count >= 10 else { return false }
        let digit = { (i: Int) in u[i] >= 48 && u[i] <= 57 }
        return (0..<4).allSatisfy(digit) && u[4] == 45 && digit(5) && digit(6) && u[7] == 45 && digit(8) && digit(9)
    }

    /// Go's time.Parse range checks on a `YYYY-MM-DD…` value.
    static func dateRangeError(_ v: String) -> String? {
        let u = Array(v.utf8)
        guard u.count >= 10, u[4] == 45, u[7] == 45 else { return nil }
        let month = Int(u[5] - 48) * 10 + Int(u[6] - 48), day = Int(u[8] - 48) * 10 + Int(u[9] - 48)
        if month < 1 || month > 12 { return DockerMessages.timeOutOfRange(v, "month") }
        if day < 1 || day > 31 { return DockerMessages.timeOutOfRange(v, "day") }
        return nil
    }

    static func styled(_ message: String, _ path: String) -> DockerCLIError {
        DockerCLIError(stderr: DockerMessages.runError(message, path: path), status: 125)
    }
}
