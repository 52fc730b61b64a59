/// Flags and positionals of one command's part of the line, scanned with pflag's rules:
/// `--long=value`, `--long value`, `-abc` combined bools, `-p80:80` attached values,
/// `-d=false`, `--` ending the flags, and (for non-interspersed commands such as `run`)
/// every word after the first positional kept as a positional.
struct ScannedFlags {
    var options: [String: [String]] = [:]
    var positionals: [String] = []
    /// `--help` (or `-h`) was given with a true value.
    var help = false
    /// The deprecated `-h` shorthand was used for help.
    var helpShorthand = false
}

enum FlagScanner {
    /// Scans `args` against `command`'s flags. Returns the pflag error message on failure.
    static func scan(_ command: DockerCommandSpec, _ args: ArraySlice<String>, interspersed: Bool,
                     into result: inout ScannedFlags) -> String? {
        var i = args.startIndex
        let end = args.endIndex
        while i < end {
            let a = args[i]
            i += 1
            let u = a.utf8
            guard u.count >= 2, u.first == UInt8(ascii: "-") else {
                result.positionals.append(a)
                if !interspersed {
                    result.positionals.append(contentsOf: args[i..<end])
                    return nil
                }
                continue
            }
            if a == "--" {
                result.positionals.append(contentsOf: args[i..<end])
                return nil
            }
            let second = u[u.index(after: u.startIndex)]
            if second == UInt8(ascii: "-") {
                // long flag
                let body = a.dropFirst(2)
                if body.first == "-" || body.first == "=" {
                    return DockerMessages.badFlagSyntax(a)
                }
                let name: Substring
                var value: String? = nil
                if let eq = body.firstIndex(of: "=") {
                    name = body[body.startIndex..<eq]
                    value = String(body[body.index(after: eq)...])
                } else {
                    name = body
                }
                guard let fi = command.byLong[String(name)] else {
                    return DockerMessages.unknownFlag(String(name))
                }
                let flag = command.flags[fi]
                if value == nil {
                    if flag.isBool {
                        value = "true"
                    } else if i < end {
                        value = args[i]
                        i += 1
                    } else {
                        return DockerMessages.flagNeedsArgument(a)
                    }
                }
                if let err = set(flag, value!, command, &result) { return err }
            } else {
                var shorts = a.dropFirst()
                while let c = shorts.first {
                    guard let fi = command.byShort[c] else {
                        return DockerMessages.unknownShorthand(c, String(shorts))
                    }
                    let flag = command.flags[fi]
                    let afterC = shorts.index(after: shorts.startIndex)
                    let value: String
                    if shorts.count > 2 && shorts[afterC] == "=" {
                        value = String(shorts[shorts.index(after: afterC)...])
                        shorts = shorts[shorts.endIndex...]
                    } else if flag.isBool {
                        value = "true"
                        shorts = shorts[afterC...]
                    } else if shorts.count > 1 {
                        value = String(shorts[afterC...])
                        shorts = shorts[shorts.endIndex...]
                    } else if i < end {
                        value = args[i]
                        i += 1
                        shorts = shorts[shorts.endIndex...]
                    } else {
                        return DockerMessages.flagNeedsShortArgument(c, String(shorts))
                    }
                    if flag.long == "help" { result.helpShorthand = true }
                    if let err = set(flag, value, command, &result) { return err }
                }
            }
        }
        return nil
    }

    private static func set(_ flag: DockerFlagSpec, _ value: String, _ command: DockerCommandSpec,
                            _ result: inout ScannedFlags) -> String? {
        var stored = value
        if flag.isBool {
            guard let b = GoValues.parseBool(value) else {
                return DockerMessages.invalidArgument(value, flag, DockerMessages.parseBoolError(value))
            }
            stored = b ? "true" : "false"
            if flag.long == "help" { result.help = b }
        } else if let err = FlagValueValidator.validate(flag, value, command) {
            return DockerMessages.invalidArgument(value, flag, err)
        }
        result.options[flag.long, default: []].append(stored)
        return nil
    }
}
