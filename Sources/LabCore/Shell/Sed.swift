/// A small sed: `s/re/replacement/flags` (g, p, i, N), `d`, `p`, `q`, line-number, `$` and
/// /regex/ addresses and ranges, `!`, `-n`, `-e`, `-E`/`-r` and `-i` on virtual files.
enum Sed {
    static let program = ClosureProgram(run)

    struct Command {
        enum Address { case line(Int), last, regex(Regex<AnyRegexOutput>) }
        var from: Address?
        var to: Address?
        var negated = false
        var name: Character
        var regex: Regex<AnyRegexOutput>?
        var replacement = ""
        var global = false
        var occurrence = 1
        var printAfter = false
        var inRange = false
    }

    struct Failure: Error { let message: String }

    static func run(_ p: inout ProcessContext, _ lab: inout Lab) -> Int32 {
        var scripts: [String] = []
        var quiet = false, extended = false, inPlace = false
        var operands: [String] = []
        var args = Array(p.arguments.dropFirst())[...]
        while let a = args.popFirst() {
            if a == "-n" || a == "--quiet" { quiet = true }
            else if a == "-E" || a == "-r" { extended = true }
            else if a == "-i" || a.hasPrefix("-i") { inPlace = true }
            else if a == "-e" { scripts.append(args.popFirst() ?? "") }
            else if a.hasPrefix("-") && a.count > 1 && !a.hasPrefix("-e") {
                let letters = a.dropFirst()
                if letters.allSatisfy({ "nEri".contains($0) }) {
                    quiet = quiet || letters.contains("n"); extended = extended || letters.contains("E") || letters.contains("r")
                    inPlace = inPlace || letters.contains("i")
                } else {
                    p.writeError("sed: invalid option -- '\(letters.first!)'\n")
                    return 1
                }
            } else { operands.append(a) }
        }
        if scripts.isEmpty {
            guard !operands.isEmpty else {
                p.writeError("Usage: sed [OPTION]... {script-only-if-no-other-script} [input-file]...\n")
                return 1
            }
            scripts.append(operands.removeFirst())
        }
        var commands: [Command] = []
        do {
            for (n, script) in scripts.enumerated() { commands += try parse(script, extended: extended, expression: n + 1) }
        } catch let failure as Failure {
            p.writeError("sed: \(failure.message)\n")
            return 1
        } catch { return 1 }
        if inPlace {
            var status: Int32 = 0
            for name in operands {
                let path = p.resolve(name)
                guard let text = lab.machine.files.contents(of: path) else {
                    p.writeError("sed: can't read \(name): No such file or directory\n")
                    status = 2
                    continue
                }
                try? lab.machine.files.write(apply(commands, to: text, quiet: quiet), to: path)
            }
            return status
        }
        let (texts, failed) = p.readInputs(operands, program: "sed", lab: lab)
        if failed && texts.isEmpty { return 2 }
        p.write(apply(commands, to: texts.map(\.1).joined(), quiet: quiet))
        return failed ? 2 : 0
    }

    static func apply(_ original: [Command], to text: String, quiet: Bool) -> String {
        var commands = original
        let lines = splitLines(text)
        var out = ""
        lineLoop: for (index, line) in lines.enumerated() {
            var pattern = String(line)
            let number = index + 1
            let last = index == lines.count - 1
            var deleted = false
            for k in commands.indices {
                guard selects(&commands[k], pattern, number, last) != commands[k].negated else { continue }
                switch commands[k].name {
                case "d": deleted = true
                case "p": out += pattern + "\n"
                case "q":
                    if !quiet { out += pattern + "\n" }
                    break lineLoop
                case "s":
                    let (result, changed) = substitute(pattern, commands[k])
                    pattern = result
                    if changed && commands[k].printAfter { out += pattern + "\n" }
                default: break
                }
                if deleted { break }
            }
            if !deleted && !quiet { out += pattern + "\n" }
        }
        if !text.isEmpty && !text.hasSuffix("\n") && out.hasSuffix("\n") && !quiet { out.removeLast() }
        return out
    }

    static func matches(_ address: Command.Address, _ line: String, _ number: Int, _ last: Bool) -> Bool {
        switch address {
        case .line(let n): return n == number
        case .last: return last
        case .regex(let r): return (try? r.firstMatch(in: line)) != nil
        }
    }

    static func selects(_ c: inout Command, _ line: String, _ number: Int, _ last: Bool) -> Bool {
        guard let from = c.from else { return true }
        guard let to = c.to else { return matches(from, line, number, last) }
        if c.inRange {
            if case .line(let n) = to, number >= n { c.inRange = false; return number == n || true }
            if matches(to, line, number, last) { c.inRange = false }
            return true
        }
        if matches(from, line, number, last) {
            if case .line(let n) = to, n <= number { return true }
            c.inRange = true
            return true
        }
        return false
    }

    static func substitute(_ line: String, _ c: Command) -> (String, Bool) {
        guard let regex = c.regex else { return (line, false) }
        var out = ""
        var position = line.startIndex
        var changed = false
        for (n, match) in line.matches(of: regex).enumerated() where n + 1 >= c.occurrence {
            out += line[position..<match.range.lowerBound]
            out += expand(c.replacement, match)
            position = match.range.upperBound
            changed = true
            if !c.global { break }
        }
        return (out + line[position...], changed)
    }

    static func expand(_ replacement: String, _ match: Regex<AnyRegexOutput>.Match) -> String {
        var out = ""
        var chars = replacement.makeIterator()
        while let ch = chars.next() {
            if ch == "&" { out += match.output[0].substring ?? ""; continue }
            guard ch == "\\", let n = chars.next() else { out.append(ch); continue }
            if let d = n.wholeNumberValue, d < match.output.count { out += match.output[d].substring ?? "" }
            else if n == "n" { out += "\n" }
            else if n == "t" { out += "\t" }
            else { out.append(n) }
        }
        return out
    }
}
