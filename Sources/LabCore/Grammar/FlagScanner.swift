/// Flags and positionals of one command's part of the line, scanned with pflag's rules:
/// `--long=value`, `--long value`, `-abc` combined bools, `-p80:80` attached values,
/// `-d=false`, `--` ending the flags, and (for non-interspersed commands such as `run`)
/// every word after the first positional kept as a positional.
struct ScannedFlags {
    var options = FlagValues()
    var positionals: [String] = []
    /// `--help` (or `-h`) was given with a true value.
    var help = false
    /// The deprecated `-h` shorthand was used for help.
    var helpShorthand = false
    /// What the client prints on stdout while parsing (deprecated-flag notices).
    var notices = ""
    /// An option `run`/`create` check after parsing was given.
    var runChecked = false
}

enum FlagScanner {
    static let dash = UInt8(ascii: "-")
    static let equals = UInt8(ascii: "=")

    /// Scans `args` against `command`'s flags. Returns the pflag error message on failure.
    static func scan(_ command: DockerCommandSpec, _ args: ArraySlice<String>, interspersed: Bool,
                     into result: inout ScannedFlags) -> String? {
        var i = args.startIndex
        let end = args.endIndex
        while i < end {
            let a = args[i]
            i += 1
            let u = a.utf8
            let count = u.count
            guard count >= 2, u.first == dash else {
                // Room for every word left at the first positional (growing the array reallocates).
                if result.positionals.isEmpty { result.positionals.reserveCapacity(end - i + 1) }
                result.positionals.append(a)
                if !interspersed {
                    result.positionals.append(contentsOf: args[i..<end])
                    return nil
                }
                continue
            }
            let second = u[u.index(after: u.startIndex)]
            if second == dash {
                if count == 2 {  // "--"
                    result.positionals.append(contentsOf: args[i..<end])
                    return nil
                }
                let bodyStart = u.index(u.startIndex, offsetBy: 2)
                let firstOfBody = u[bodyStart]
                if firstOfBody == dash || firstOfBody == equals { return DockerMessages.badFlagSyntax(a) }
                let name: String
                var value: String? = nil
                if let eq = u[bodyStart...].firstIndex(of: equals) {
                    name = String(a[bodyStart..<eq])
                    value = String(a[u.index(after: eq)...])
                } else {
                    name = String(a[bodyStart...])
                }
                guard let flag = command.byLong[name] else { return DockerMessages.unknownFlag(name) }
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
                if let err = set(flag, value!, &result) { return err }
            } else {
                var p = u.index(after: u.startIndex)
                while p < u.endIndex {
                    let c = u[p]
                    guard c < 128, let flag = command.byShort[Int(c)] else {
                        return DockerMessages.unknownShorthand(String(a[p...]))
                    }
                    let next = u.index(after: p)
                    let remaining = u.distance(from: p, to: u.endIndex)
                    let value: String
                    if remaining > 2 && u[next] == equals {
                        value = String(a[u.index(after: next)...])
                        p = u.endIndex
                    } else if flag.isBool {
                        value = "true"
                        p = next
                    } else if remaining > 1 {
                        value = String(a[next...])
                        p = u.endIndex
                    } else if i < end {
                        value = args[i]
                        i += 1
                        p = u.endIndex
                    } else {
                        return DockerMessages.flagNeedsShortArgument(String(a[p...]))
                    }
                    if flag.long == "help" { result.helpShorthand = true }
                    if let err = set(flag, value, &result) { return err }
                }
            }
        }
        return nil
    }

    private static func set(_ flag: DockerFlagSpec, _ value: String, _ result: inout ScannedFlags) -> String? {
        var stored = value
        if flag.isBool {
            guard let b = GoValues.parseBool(value) else {
                return DockerMessages.invalidArgument(value, flag, DockerMessages.parseBoolError(value))
            }
            stored = b ? "true" : "false"
            if flag.long == "help" {
                result.help = b
                return nil  // never reported as an option
            }
        } else if flag.checksValue {
            if let err = FlagValueValidator.validate(flag, value) {
                return DockerMessages.invalidArgument(value, flag, err)
            }
        }
        if !flag.deprecationNotice.isEmpty { result.notices += flag.deprecationNotice }
        if flag.runChecked { result.runChecked = true }
        result.options.append(flag.long, stored)
        return nil
    }
}
