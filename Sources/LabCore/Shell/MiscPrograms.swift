/// The simulated coreutils and friends, by name (see the *Programs files).
enum Coreutils {
    static let all: [(String, any SimulatedProgram)] = MiscPrograms.all + FilePrograms.all + TextPrograms.all
        + ExtraPrograms.all + FindProgram.all + ArchivePrograms.all
}

/// echo, printf, pwd, true, false, sleep, hostname, env, which, clear, sudo, sh/bash, xargs.
enum MiscPrograms {
    static let all: [(String, any SimulatedProgram)] = [
        ("echo", ClosureProgram(echo)),
        ("printf", ClosureProgram(printf)),
        ("pwd", ClosureProgram { p, lab in p.write(lab.machine.shell.workingDirectory + "\n"); return 0 }),
        ("true", ClosureProgram { _, _ in 0 }),
        ("test", TestBuiltin.program),
        ("false", ClosureProgram { _, _ in 1 }),
        ("sleep", ClosureProgram(sleep)),
        ("hostname", ClosureProgram { p, lab in p.write(lab.machine.hostname + "\n"); return 0 }),
        ("env", ClosureProgram(env)),
        ("which", ClosureProgram(which)),
        ("clear", ClosureProgram { p, _ in p.write("\u{1B}[H\u{1B}[2J\u{1B}[3J"); return 0 }),
        ("sudo", ClosureProgram(sudo)),
        ("sh", ClosureProgram(sh)),
        ("bash", ClosureProgram(sh)),
        ("xargs", ClosureProgram(xargs)),
    ]

    static func echo(_ p: inout ProcessContext, _ lab: inout Lab) -> Int32 {
        var args = p.arguments.dropFirst()
        var newline = true
        var escapes = false
        while let first = args.first, first.count > 1, first.hasPrefix("-"),
              first.dropFirst().allSatisfy({ $0 == "n" || $0 == "e" || $0 == "E" }) {
            for c in first.dropFirst() {
                if c == "n" { newline = false } else if c == "e" { escapes = true } else { escapes = false }
            }
            args = args.dropFirst()
        }
        var out = args.joined(separator: " ")
        if escapes {
            let (text, stop) = interpretEscapes(out, stopAtC: true)
            out = text
            if stop { p.write(out); return 0 }
        }
        p.write(newline ? out + "\n" : out)
        return 0
    }

    /// Backslash escapes of `echo -e`, `printf` formats and `%b`; `\c` stops output.
    static func interpretEscapes(_ s: String, stopAtC: Bool) -> (String, Bool) {
        guard s.contains("\\") else { return (s, false) }
        var out = ""
        var it = Array(s.unicodeScalars)[...]
        while let c = it.popFirst() {
            guard c == "\\", let n = it.first else { out.unicodeScalars.append(c); continue }
            it = it.dropFirst()
            switch n {
            case "n": out += "\n"
            case "t": out += "\t"
            case "r": out += "\r"
            case "a": out += "\u{07}"
            case "b": out += "\u{08}"
            case "f": out += "\u{0C}"
            case "v": out += "\u{0B}"
            case "e", "E": out += "\u{1B}"
            case "\\": out += "\\"
            case "c" where stopAtC: return (out, true)
            case "0", "1", "2", "3", "4", "5", "6", "7":
                var value = n.value - 48
                var digits = 0
                let limit = n == "0" ? 3 : 2
                while digits < limit, let d = it.first, d.value >= 48 && d.value <= 55 {
                    value = value * 8 + d.value - 48; it = it.dropFirst(); digits += 1
                }
                out.unicodeScalars.append(Unicode.Scalar(UInt8(truncatingIfNeeded: value)))
            default:
                out += "\\"
                out.unicodeScalars.append(n)
            }
        }
        return (out, false)
    }

    static func printf(_ p: inout ProcessContext, _ lab: inout Lab) -> Int32 {
        var args = Array(p.arguments.dropFirst())
        if args.first == "--" { args.removeFirst() }
        guard let format = args.first else {
            p.writeError("printf: usage: printf [-v var] format [arguments]\n")
            return 2
        }
        var values = args.dropFirst()[...]
        var status: Int32 = 0
        var out = ""
        let f = Array(format.unicodeScalars)
        repeat {
            var consumed = false
            var i = 0
            while i < f.count {
                let c = f[i]
                if c == "\\" {
                    var j = i + 1
                    if j < f.count && f[j] >= "0" && f[j] <= "7" {
                        while j < f.count && j < i + 4 && f[j] >= "0" && f[j] <= "7" { j += 1 }
                    } else { j = min(j + 1, f.count) }
                    out += interpretEscapes(String(String.UnicodeScalarView(f[i..<j])), stopAtC: false).0
                    i = j
                    continue
                }
                guard c == "%" else { out.unicodeScalars.append(c); i += 1; continue }
                var j = i + 1
                var spec = ""
                while j < f.count, "-+ #0123456789.".unicodeScalars.contains(f[j]) { spec.unicodeScalars.append(f[j]); j += 1 }
                guard j < f.count else { out += "%" + spec; break }
                let conv = f[j]
                i = j + 1
                if conv == "%" { out += "%"; continue }
                let arg = values.popFirst()
                if arg != nil { consumed = true }
                let value = arg ?? ""
                let body: String
                switch conv {
                case "s": body = value
                case "b": body = interpretEscapes(value, stopAtC: false).0
                case "c": body = value.isEmpty ? "" : String(value.prefix(1))
                case "d", "i", "u", "x", "X", "o":
                    var number = 0
                    if !value.isEmpty {
                        if let n = Int(value.trimmingPrefix("+")) { number = n }
                        else if value.hasPrefix("'") || value.hasPrefix("\""), let s = value.unicodeScalars.dropFirst().first { number = Int(s.value) }
                        else {
                            p.writeError(p.shellDiagnosticPrefix + "printf: \(value): invalid number\n")
                            status = 1
                        }
                    }
                    switch conv {
                    case "x": body = String(number, radix: 16)
                    case "X": body = String(number, radix: 16).uppercased()
                    case "o": body = String(number, radix: 8)
                    default: body = String(number)
                    }
                case "f", "g", "e":
                    let d = Double(value) ?? 0
                    var precision = 6
                    if let dot = spec.firstIndex(of: ".") { precision = Int(spec[spec.index(after: dot)...]) ?? 0 }
                    body = formatFixed(d, precision: precision)
                default:
                    body = "%" + spec + String(conv)
                }
                out += pad(body, spec: spec, numeric: "dixXouf".unicodeScalars.contains(conv))
            }
            if !consumed { break }
        } while !values.isEmpty
        p.write(out)
        return status
    }

    static func formatFixed(_ d: Double, precision: Int) -> String {
        guard d.isFinite, abs(d) < 1e15 else { return d.isNaN ? "nan" : (d.isInfinite ? (d < 0 ? "-inf" : "inf") : String(d)) }
        let precision = min(max(precision, 0), 15)
        var scale = 1.0
        for _ in 0..<precision { scale *= 10 }
        let negative = d < 0
        let scaled = (abs(d) * scale).rounded()
        let whole = Int(scaled / scale)
        let frac = Int(scaled) - whole * Int(scale)
        var s = String(whole)
        if precision > 0 {
            var fs = String(frac)
            while fs.count < precision { fs = "0" + fs }
            s += "." + fs
        }
        return negative ? "-" + s : s
    }

    static func pad(_ body: String, spec: String, numeric: Bool) -> String {
        var flags = Substring(spec)
        var left = false, zero = false
        while let c = flags.first, "-+ #0".contains(c) {
            if c == "-" { left = true }
            if c == "0" { zero = true }
            flags = flags.dropFirst()
        }
        let widthText = flags.split(separator: ".", omittingEmptySubsequences: false).first ?? ""
        var text = body
        if !numeric, let dot = flags.firstIndex(of: "."), let precision = Int(flags[flags.index(after: dot)...]) {
            text = String(text.prefix(precision))
        }
        guard let parsed = Int(widthText), parsed > text.count else { return text }
        let width = min(parsed, 10_000)
        guard width > text.count else { return text }
        let fill = String(repeating: zero && !left && numeric ? "0" : " ", count: width - text.count)
        return left ? text + fill : fill + text
    }

    static func sleep(_ p: inout ProcessContext, _ lab: inout Lab) -> Int32 {
        let args = p.arguments.dropFirst()
        guard !args.isEmpty else { p.missingOperand("sleep"); return 1 }
        var total = 0.0
        for arg in args {
            var text = Substring(arg)
            var unit = 1.0
            if let last = text.last, let mult = ["s": 1.0, "m": 60.0, "h": 3600.0, "d": 86400.0][String(last)] {
                unit = mult
                text = text.dropLast()
            }
            guard let value = Double(text), value >= 0, value.isFinite else {
                p.writeError("sleep: invalid time interval '\(arg)'\nTry 'sleep --help' for more information.\n")
                return 1
            }
            total += value * unit
        }
        // Capped at a year so the clock stays printable (GNU sleep would simply never return).
        lab.clock.advance(by: min(total, 365 * 86400))
        return 0
    }

    static func env(_ p: inout ProcessContext, _ lab: inout Lab) -> Int32 {
        var environment = p.environment
        var args = p.arguments.dropFirst()[...]
        while let first = args.first {
            if first == "-i" || first == "--ignore-environment" { environment = [:]; args = args.dropFirst(); continue }
            if first.hasPrefix("-") && first != "-" {
                p.writeError("env: invalid option -- '\(first.dropFirst().prefix(1))'\nTry 'env --help' for more information.\n")
                return 125
            }
            break
        }
        while let first = args.first, let eq = first.firstIndex(of: "="), eq != first.startIndex {
            environment[String(first[..<eq])] = String(first[first.index(after: eq)...])
            args = args.dropFirst()
        }
        if args.isEmpty {
            for key in environment.keys.sorted() { p.write("\(key)=\(environment[key]!)\n") }
            return 0
        }
        let name = args.first!
        if !p.hasProgram(name) {
            p.writeError("env: '\(name)': No such file or directory\n")
            return 127
        }
        return p.run(Array(args), environment: environment, lab: &lab)
    }

    static func which(_ p: inout ProcessContext, _ lab: inout Lab) -> Int32 {
        var status: Int32 = 0
        let names = p.arguments.dropFirst().filter { !$0.hasPrefix("-") }
        if names.isEmpty { return 1 }
        for name in names {
            if let path = p.programPath(name) { p.write(path + "\n") } else { status = 1 }
        }
        return status
    }

    static func sudo(_ p: inout ProcessContext, _ lab: inout Lab) -> Int32 {
        var args = p.arguments.dropFirst()[...]
        while let first = args.first, first.hasPrefix("-") {
            args = args.dropFirst()
            if first == "-u" || first == "-g" { args = args.dropFirst() }
            if first == "--" { break }
        }
        guard let name = args.first else {
            p.writeError("usage: sudo -h | -K | -k | -V\n")
            return 1
        }
        if !p.hasProgram(name) && !name.contains("/") {
            p.writeError("sudo: \(name): command not found\n")
            return 1
        }
        return p.run(Array(args), lab: &lab)
    }

    static func sh(_ p: inout ProcessContext, _ lab: inout Lab) -> Int32 {
        var args = p.arguments.dropFirst()[...]
        // Option letters may come together (`sh -ec 'script'`, as a Dockerfile's SHELL gives them).
        func takesCommand(_ word: String) -> Bool { word.hasPrefix("-") && !word.hasPrefix("--") && word.contains("c") }
        var letters = ""
        while let first = args.first, first.hasPrefix("-"), !takesCommand(first) {
            if !first.hasPrefix("--") { letters += first.dropFirst() }
            args = args.dropFirst()
        }
        if let first = args.first, takesCommand(first) {
            letters += first.dropFirst()
            args = args.dropFirst()
            guard let source = args.popFirst() else {
                p.writeError("\(p.name): -c: option requires an argument\n")
                return 2
            }
            return p.runShell(source, arguments: Array(args), options: letters, lab: &lab)
        }
        if let file = args.first {
            guard let text = lab.machine.files.contents(of: p.resolve(file)) else {
                p.writeError("\(p.name): \(file): No such file or directory\n")
                return 127
            }
            return p.runShell(text, arguments: Array(args), stdin: "", lab: &lab)
        }
        return p.runShell(p.stdin, arguments: [], lab: &lab)
    }

    static func xargs(_ p: inout ProcessContext, _ lab: inout Lab) -> Int32 {
        // Options end at the first operand (the command).
        var rest = Array(p.arguments.dropFirst())
        var noRunIfEmpty = false
        var perCall: Int?
        var replace: String?
        while let first = rest.first, first.hasPrefix("-"), first.count > 1 {
            rest.removeFirst()
            if first == "--" { break }
            if first == "-r" || first == "--no-run-if-empty" { noRunIfEmpty = true; continue }
            if first.hasPrefix("-n") || first.hasPrefix("-L") {
                let v = first.count > 2 ? String(first.dropFirst(2)) : (rest.isEmpty ? "" : rest.removeFirst())
                perCall = Int(v)
                continue
            }
            if first.hasPrefix("-I") {
                replace = first.count > 2 ? String(first.dropFirst(2)) : (rest.isEmpty ? "{}" : rest.removeFirst())
                perCall = 1
                continue
            }
            if first == "-t" || first == "-0" { continue }
            p.writeError("xargs: invalid option -- '\(first.dropFirst().prefix(1))'\nTry 'xargs --help' for more information.\n")
            return 1
        }
        let command = rest.isEmpty ? ["echo"] : rest
        var items: [String] = []
        var quoteError: String?
        if replace != nil {
            items = splitLines(p.stdin).map { String($0) }.filter { !$0.isEmpty }
        } else {
            (items, quoteError) = xargsItems(p.stdin)
        }
        if let quoteError {
            p.writeError("xargs: unmatched \(quoteError) quote; by default quotes are special to xargs unless you use the -0 option\n")
            if items.isEmpty { return 1 }
        }
        if items.isEmpty && (noRunIfEmpty || replace != nil) { return 0 }
        if !p.hasProgram(command[0]) {
            p.writeError("xargs: \(command[0]): No such file or directory\n")
            return 127
        }
        var batches: [[String]] = []
        if let n = perCall, n > 0 {
            var i = 0
            while i < items.count { batches.append(Array(items[i..<min(i + n, items.count)])); i += n }
        } else {
            batches = [items]
        }
        var status: Int32 = 0
        for batch in batches {
            let argv: [String]
            if let replace {
                argv = command.map { $0.shellReplacingAll(replace, with: batch.first ?? "") }
            } else {
                argv = command + batch
            }
            let code = p.run(argv, stdin: "", lab: &lab)
            if code == 255 { p.writeError("xargs: \(command[0]): exited with status 255; aborting\n"); return 124 }
            if code != 0 { status = 123 }
        }
        return quoteError != nil ? 1 : status
    }

    /// xargs' items: blank-separated, with '…' and "…" quoting and backslash escapes; stops at
    /// an unmatched quote (returned as "single" or "double").
    static func xargsItems(_ input: String) -> ([String], String?) {
        var items: [String] = []
        var current = ""
        var inItem = false
        var quote: Character?
        var escape = false
        for ch in input {
            if let q = quote {
                if ch == q { quote = nil } else if ch == "\n" { return (items, q == "'" ? "single" : "double") } else { current.append(ch) }
                continue
            }
            if escape { current.append(ch); escape = false; continue }
            switch ch {
            case "\\": escape = true; inItem = true
            case "'", "\"": quote = ch; inItem = true
            case " ", "\t", "\n":
                if inItem { items.append(current); current = ""; inItem = false }
            default: current.append(ch); inItem = true
            }
        }
        if let q = quote { return (items, q == "'" ? "single" : "double") }
        if inItem { items.append(current) }
        return (items, nil)
    }
}

fileprivate extension String {
    /// Every occurrence of `target` replaced.
    func shellReplacingAll(_ target: String, with replacement: String) -> String {
        guard !target.isEmpty, contains(target) else { return self }
        return shellSplitAll(target).joined(separator: replacement)
    }

    func shellSplitAll(_ separator: String) -> [String] {
        var parts: [String] = []
        var current = Substring(self)
        while let r = current.firstRange(of: separator) {
            parts.append(String(current[..<r.lowerBound]))
            current = current[r.upperBound...]
        }
        parts.append(String(current))
        return parts
    }
}
