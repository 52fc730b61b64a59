import Foundation

/// The simulated docker client's command-line grammar: the words after `docker` in, the real
/// docker 28.2.2 client's client-side verdict out (accepted, printed by itself, or rejected
/// with its exact streams and exit status).
public enum DockerCommandLine {
    /// Parses the words after `docker` (argv[1...]); `routing` says whether the buildx plugin is
    /// there and whether builds go to it (BuilderRouting).
    public static func parse(_ arguments: [String], routing: BuilderRouting = .recorded) -> DockerParseResult {
        parse(arguments[...], routing: routing)
    }

    /// Parses the words after `docker`, given as a slice of argv (not copied into an array).
    public static func parse(_ arguments: ArraySlice<String>, routing: BuilderRouting = .recorded) -> DockerParseResult {
        let g = routing.buildxInstalled ? DockerGrammar.withBuildx : DockerGrammar.shared
        let root = g.root
        var globals = ScannedFlags()
        var rest: ArraySlice<String>
        if let a0 = arguments.first, a0.firstUTF8Byte == FlagScanner.dash {
            if let err = FlagScanner.scan(root, arguments, interspersed: false, into: &globals) {
                return fail(DockerMessages.flagError(err, usage: root.usageLine, path: "docker"), 125)
            }
            rest = globals.positionals[...]
        } else {
            rest = arguments
        }
        if routing.forwardBuilds, let forwarded = BuilderRouting.forwarded(rest) { rest = forwarded }
        if globals.help {
            let target = resolveForHelp(rest, g)
            if globals.helpShorthand {
                return .failure(DockerCLIError(stdout: target.help, stderr: target.banner + DockerMessages.helpShorthandDeprecated, status: 0))
            }
            return helpOutput(target, shorthand: false)
        }
        guard let first = rest.first else {
            if globals.options.last("version") == "true" {
                return .output(stdout: g.clientVersion + "\n", status: 0)
            }
            return .failure(root.bare ?? DockerCLIError(stderr: root.help, status: 0))
        }
        if first == "help" { return helpCommand(rest.dropFirst(), g) }
        guard let firstIndex = root.children[first] else {
            // cobra runs the root itself on the rest: its flags are checked first
            var scanned = ScannedFlags()
            if let err = FlagScanner.scan(root, rest.dropFirst(), interspersed: true, into: &scanned) {
                return fail(DockerMessages.flagError(err, usage: root.usageLine, path: "docker"), 125)
            }
            if scanned.help { return helpOutput(root, shorthand: scanned.helpShorthand) }
            return fail(DockerMessages.unknownRootCommand(first), 1)
        }
        var typedWords: (String, String, String) = (first, "", "")
        var depth = 1
        var groupHelp = false, groupHelpShorthand = false
        var notices = ""
        var cur = g.commands[firstIndex]
        rest = rest.dropFirst()
        while cur.isGroup {
            var j = rest.startIndex
            var next: Int? = nil
            while j < rest.endIndex {
                let a = rest[j]
                if a.utf8.count > 1 && a.firstUTF8Byte == UInt8(ascii: "-") {
                    j += takesNextWord(a, cur) ? 2 : 1
                    continue
                }
                next = cur.children[a]
                break
            }
            var scanned = ScannedFlags()
            let groupPart = next != nil ? rest[rest.startIndex..<j] : rest
            if !groupPart.isEmpty, let err = FlagScanner.scan(cur, groupPart, interspersed: true, into: &scanned) {
                // found while looking for the subcommand: cobra returns it bare (`docker stack -c x deploy`)
                if next != nil { return fail(err + "\n", 1) }
                return fail(cur.banner + DockerMessages.flagError(err, usage: cur.usageLine, path: cur.commandPath), 125)
            }
            if !scanned.notices.isEmpty { notices += scanned.notices }
            if let n = next {
                if scanned.help { groupHelp = true }
                if scanned.helpShorthand { groupHelpShorthand = true }
                if depth == 1 { typedWords.1 = rest[j] } else { typedWords.2 = rest[j] }
                depth += 1
                cur = g.commands[n]
                rest = rest[(j + 1)...]
                continue
            }
            if scanned.help || groupHelp { return groupHelpOutput(cur, scanned.helpShorthand, groupHelpShorthand) }
            if let w = scanned.positionals.first {
                return .failure(DockerCLIError(stdout: notices, stderr: cur.banner + DockerMessages.unknownSubcommand(cur.commandPath, cur.usageLine, w), status: 1))
            }
            let bare = cur.bare ?? DockerCLIError(stderr: cur.help, status: 0)
            return .failure(DockerCLIError(stdout: notices + bare.stdout, stderr: bare.stderr, status: bare.status))
        }
        var typed = "docker "
        // Room reserved only for a text too long to be kept inline (up to 15 bytes, as
        // `docker run` is): reserving would move a short one to the heap.
        let length = 9 + typedWords.0.utf8.count + typedWords.1.utf8.count + typedWords.2.utf8.count
        if length > 15 { typed.reserveCapacity(length) }
        typed += typedWords.0
        if depth > 1 { typed += " "; typed += typedWords.1 }
        if depth > 2 { typed += " "; typed += typedWords.2 }
        if groupHelp {
            // `docker network --help ls`: the help flag given to a group carries to the command
            var scanned = ScannedFlags()
            if let err = FlagScanner.scan(cur, rest, interspersed: cur.interspersed, into: &scanned) {
                let before = groupHelpShorthand ? DockerMessages.helpShorthandDeprecated : ""
                return .failure(DockerCLIError(stdout: before, stderr: cur.banner + DockerMessages.flagError(err, usage: cur.usageLine, path: cur.commandPath), status: 125))
            }
            return groupHelpOutput(cur, scanned.helpShorthand, groupHelpShorthand)
        }
        return parseLeaf(cur, rest, typed: typed, globals: globals.options, notices: notices)
    }

    /// cobra's command search treats `--flag` and `-f` without `=` as wanting the next word
    /// unless they are known bools; `--` wants one too. That word is then no command name.
    static func takesNextWord(_ a: String, _ cmd: DockerCommandSpec) -> Bool {
        if a.utf8.contains(UInt8(ascii: "=")) { return false }
        if a == "--" { return true }
        if a.hasPrefix("--") {
            guard let f = cmd.byLong[String(a.dropFirst(2))] else { return true }
            return !f.isBool
        }
        guard a.utf8.count == 2, let c = a.utf8.last, c < 128 else { return false }
        guard let f = cmd.byShort[Int(c)] else { return true }
        return !f.isBool
    }

    /// Help requested on a group before the subcommand: the client prints the `-h` deprecation
    /// line three times when `-h` was given there (seen: `docker network -h ls`).
    static func groupHelpOutput(_ cmd: DockerCommandSpec, _ own: Bool, _ atGroup: Bool) -> DockerParseResult {
        if !atGroup { return helpOutput(cmd, shorthand: own) }
        let out = String(repeating: DockerMessages.helpShorthandDeprecated, count: own ? 4 : 3) + cmd.help
        if cmd.banner.isEmpty { return .output(stdout: out, status: 0) }
        return .failure(DockerCLIError(stdout: out, stderr: cmd.banner, status: 0))
    }

    static func parseLeaf(_ cmd: DockerCommandSpec, _ rest: ArraySlice<String>, typed: String,
                          globals: FlagValues, notices groupNotices: String) -> DockerParseResult {
        let path = cmd.commandPath
        var scanned = ScannedFlags()
        scanned.notices = groupNotices
        let result = leafVerdict(cmd, rest, typed: typed, globals: globals, path: path, &scanned)
        guard !scanned.notices.isEmpty else { return result }
        // deprecation notices come first on stdout, whatever the verdict
        switch result {
        case .invocation(let inv):
            return .invocation(DockerInvocation(path: inv.path, typed: inv.typed, options: inv.options, arguments: inv.arguments,
                                                global: inv.global, clientStdout: scanned.notices, clientStderr: inv.clientStderr,
                                                pathKey: inv.pathKey))
        case .output(let out, let status):
            return .output(stdout: scanned.notices + out, status: status)
        case .failure(let e):
            return .failure(DockerCLIError(stdout: scanned.notices + e.stdout, stderr: e.stderr, status: e.status))
        }
    }

    static func leafVerdict(_ cmd: DockerCommandSpec, _ rest: ArraySlice<String>, typed: String,
                            globals: FlagValues, path: String, _ scanned: inout ScannedFlags) -> DockerParseResult {
        let groupNotices = scanned.notices
        if let err = FlagScanner.scan(cmd, rest, interspersed: cmd.interspersed, into: &scanned) {
            scanned.notices = groupNotices  // the client shows no deprecation notice when parsing fails
            return fail(cmd.banner + DockerMessages.flagError(err, usage: cmd.usageLine, path: path), 125)
        }
        if scanned.help { return helpOutput(cmd, shorthand: scanned.helpShorthand) }
        let n = scanned.positionals.count
        if n < cmd.minArgs || (cmd.maxArgs >= 0 && n > cmd.maxArgs) {
            var message = n < cmd.minArgs ? cmd.belowMessage : cmd.aboveMessage
            if message.contains("{received}") {
                message = grammarSubstitute(message, "{received}", String(n))
            }
            return fail(cmd.banner + message, 1)
        }
        if !globals.isEmpty, let level = globals.last("log-level"), !validLogLevels.contains(level.lowercased()) {
            return fail(DockerMessages.badLogLevel(level), 1)
        }
        if cmd.runCheck != .none, let err = RunChecks.check(cmd, &scanned, path: path) { return .failure(err) }
        return .invocation(DockerInvocation(path: cmd.canonical, typed: typed, options: scanned.options,
                                            arguments: scanned.positionals, global: globals, clientStderr: cmd.banner,
                                            pathKey: cmd.canonicalKey))
    }

    /// logrus level names (docker/cli cli/command/cli.go → logrus.ParseLevel).
    static let validLogLevels: Set<String> = ["panic", "fatal", "error", "warn", "warning", "info", "debug", "trace"]

    static func fail(_ stderr: String, _ status: Int32) -> DockerParseResult {
        .failure(DockerCLIError(stdout: "", stderr: stderr, status: status))
    }

    static func helpOutput(_ cmd: DockerCommandSpec, shorthand: Bool) -> DockerParseResult {
        let out = (shorthand ? DockerMessages.helpShorthandDeprecated : "") + cmd.help
        if cmd.banner.isEmpty { return .output(stdout: out, status: 0) }
        return .failure(DockerCLIError(stdout: out, stderr: cmd.banner, status: 0))
    }

    /// `docker --help WORDS…` and `docker WORDS… --help`: the deepest known command.
    static func resolveForHelp(_ words: ArraySlice<String>, _ g: DockerGrammar) -> DockerCommandSpec {
        var cur = g.root
        for w in words {
            if w.hasPrefix("-") { continue }
            guard cur.isGroup, let c = cur.children[w] else { break }
            cur = g.commands[c]
        }
        return cur
    }

    /// `docker help [command]`.
    static func helpCommand(_ words: ArraySlice<String>, _ g: DockerGrammar) -> DockerParseResult {
        var cur = g.root
        var sawHelpFlag = false, shorthand = false
        for w in words {
            if w == "--help" || w == "-h" { sawHelpFlag = true; shorthand = shorthand || w == "-h"; continue }
            if cur.key.isEmpty && w == "help" { sawHelpFlag = true; break }
            guard cur.isGroup, let c = cur.children[w] else { return fail(DockerMessages.unknownHelpTopic(w), 1) }
            cur = g.commands[c]
        }
        if sawHelpFlag {
            return .output(stdout: (shorthand ? DockerMessages.helpShorthandDeprecated : "") + DockerMessages.helpCommandHelp, status: 0)
        }
        return helpOutput(cur, shorthand: false)
    }
}

/// Replaces every `{received}` in a recorded arity message (cobra's ExactArgs names the count).
func grammarSubstitute(_ text: String, _ target: String, _ replacement: String) -> String {
    var out = ""
    var rest = text[...]
    while let r = rest.range(of: target) {
        out += rest[..<r.lowerBound]
        out += replacement
        rest = rest[r.upperBound...]
    }
    return out + rest
}
