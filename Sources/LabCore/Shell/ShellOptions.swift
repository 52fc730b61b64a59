/// The `set` options the simulated shell honours, kept between lines in the `SHELLOPTS`
/// variable (as bash names them) so a saved lab remembers them.
struct ShellOptions: Equatable {
    var errexit = false
    var nounset = false
    var xtrace = false
    var pipefail = false

    init() {}

    /// Reads the colon-separated list in `SHELLOPTS`.
    init(_ shellopts: String?) {
        guard let shellopts else { return }
        for name in shellopts.split(separator: ":") { _ = set(String(name), true) }
    }

    /// Sets a long option by name; false when the name is unknown.
    mutating func set(_ name: String, _ on: Bool) -> Bool {
        switch name {
        case "errexit": errexit = on
        case "nounset": nounset = on
        case "xtrace": xtrace = on
        case "pipefail": pipefail = on
        case "braceexpand", "hashall", "interactive-comments", "noclobber", "noglob", "verbose", "monitor", "posix": break
        default: return false
        }
        return true
    }

    /// The value bash shows in `SHELLOPTS`.
    var shellopts: String {
        var names = ["braceexpand"]
        if errexit { names.append("errexit") }
        names += ["hashall", "interactive-comments"]
        if nounset { names.append("nounset") }
        if pipefail { names.append("pipefail") }
        if xtrace { names.append("xtrace") }
        return names.joined(separator: ":")
    }

    /// `$-` without the origin's letter.
    var dashFlags: String {
        (errexit ? "e" : "") + "h" + (nounset ? "u" : "") + (xtrace ? "x" : "") + "B"
    }

    /// A word as `set -x` shows it: single-quoted when it holds anything special.
    static func traceQuote(_ word: String) -> String {
        if word.isEmpty { return "''" }
        let special = word.utf8.contains { b in
            !(ShellBytes.isNameChar(b) || b == 0x2D || b == 0x2E || b == 0x2F || b == 0x3A || b == 0x2C || b == 0x40
              || b == 0x25 || b == 0x2B || b >= 0x80)
        }
        if !special { return word }
        var out = "'"
        for ch in word { if ch == "'" { out += "'\\''" } else { out.append(ch) } }
        return out + "'"
    }
}

extension ShellInterpreter {
    /// `set [-euxo name] [+euxo name] [-- args…]`; with no arguments lists the variables.
    func setBuiltin(_ arguments: [String], stdout: OutputTarget, stderr: OutputTarget, lab: inout Lab) -> Int32 {
        if arguments.count == 1 {
            let vars = lab.machine.shell.variables
            for name in vars.keys.sorted(by: { $0.utf8Precedes($1) }) where !name.hasSuffix("%%") {
                stdout.write("\(name)=\(ShellOptions.traceQuote(vars[name]!))\n")
            }
            return 0
        }
        var i = 1
        while i < arguments.count {
            let arg = arguments[i]
            i += 1
            if arg == "--" || arg == "-" {
                positional = Array(arguments[i...])
                break
            }
            guard let sign = arg.first, (sign == "-" || sign == "+"), arg.count > 1 else {
                positional = Array(arguments[(i - 1)...])
                break
            }
            let on = sign == "-"
            for letter in arg.dropFirst() {
                switch letter {
                case "e": options.errexit = on
                case "u": options.nounset = on
                case "x": options.xtrace = on
                case "o":
                    guard i < arguments.count else {
                        stdout.write(optionListing())
                        continue
                    }
                    let name = arguments[i]
                    i += 1
                    if !options.set(name, on) {
                        stderr.write(diagnosticPrefix + "set: \(name): invalid option name\n")
                        return 1
                    }
                case "h", "B", "C", "f", "v", "m", "a", "b", "n", "k", "p", "t", "H", "P", "T", "E":
                    break
                default:
                    stderr.write(diagnosticPrefix + "set: \(sign)\(letter): invalid option\n")
                    stderr.write("set: usage: set [-abefhkmnptuvxBCEHPT] [-o option-name] [--] [-] [arg ...]\n")
                    return 2
                }
            }
        }
        lab.machine.shell.variables["SHELLOPTS"] = options.shellopts
        return 0
    }

    func optionListing() -> String {
        let rows: [(String, Bool)] = [("errexit", options.errexit), ("nounset", options.nounset),
                                      ("pipefail", options.pipefail), ("xtrace", options.xtrace)]
        return rows.map { $0.0 + String(repeating: " ", count: 15 - $0.0.count) + "\t" + ($0.1 ? "on" : "off") + "\n" }.joined()
    }
}
