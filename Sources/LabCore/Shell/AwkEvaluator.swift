/// Evaluation of awk expressions.
extension AwkMachine {
    mutating func evaluate(_ e: AwkExpr) throws -> AwkValue {
        switch e {
        case .number(let d): return .number(d)
        case .string(let s): return .string(s)
        case .regex(let r): return .number(try matches(fields[0], r) ? 1 : 0)
        case .field(let index):
            let i = AwkValue.int(try evaluate(index).number)
            guard i >= 0 else { throw AwkError(message: "negative field index $\(i)") }
            return .strnum(i < fields.count ? fields[i] : "")
        case .variable(let name):
            return variables[name] ?? .strnum("")
        case .binary(let op, let l, let r):
            switch op {
            case "&&": return .number(try evaluate(l).truth && evaluate(r).truth ? 1 : 0)
            case "||": return .number(try evaluate(l).truth || evaluate(r).truth ? 1 : 0)
            default: break
            }
            let a = try evaluate(l), b = try evaluate(r)
            switch op {
            case "concat": return .string(a.text + b.text)
            case "+": return .number(a.number + b.number)
            case "-": return .number(a.number - b.number)
            case "*": return .number(a.number * b.number)
            case "/":
                guard b.number != 0 else { throw AwkError(message: "division by zero") }
                return .number(a.number / b.number)
            case "%":
                guard b.number != 0 else { throw AwkError(message: "division by zero in %") }
                return .number(a.number.truncatingRemainder(dividingBy: b.number))
            default:
                let order: Int
                if a.isNumeric && b.isNumeric {
                    order = a.number < b.number ? -1 : (a.number > b.number ? 1 : 0)
                } else {
                    let x = a.text, y = b.text
                    order = x == y ? 0 : (x.utf8Precedes(y) ? -1 : 1)
                }
                let result: Bool
                switch op {
                case "<": result = order < 0
                case "<=": result = order <= 0
                case ">": result = order > 0
                case ">=": result = order >= 0
                case "==": result = order == 0
                default: result = order != 0
                }
                return .number(result ? 1 : 0)
            }
        case .match(let l, let r, let negated):
            let text = try evaluate(l).text
            let pattern: String
            if case .regex(let re) = r { pattern = re } else { pattern = try evaluate(r).text }
            return .number(try matches(text, pattern) != negated ? 1 : 0)
        case .not(let x): return .number(try evaluate(x).truth ? 0 : 1)
        case .negate(let x): return .number(-(try evaluate(x).number))
        case .assign(let target, let op, let value):
            var v = try evaluate(value)
            if !op.isEmpty {
                let old = try evaluate(target).number
                switch op {
                case "+": v = .number(old + v.number)
                case "-": v = .number(old - v.number)
                case "*": v = .number(old * v.number)
                default: v = .number(v.number == 0 ? 0 : old / v.number)
                }
            }
            try store(v, into: target)
            return v
        case .increment(let target, let delta, let prefix):
            let old = try evaluate(target).number
            try store(.number(old + delta), into: target)
            return .number(prefix ? old + delta : old)
        case .call(let name, let args):
            let values = try args.map { try evaluate($0) }
            switch name {
            case "length": return .number(Double((values.first?.text ?? fields[0]).count))
            case "toupper": return .string(values.first?.text.uppercased() ?? "")
            case "tolower": return .string(values.first?.text.lowercased() ?? "")
            case "int": return .number((values.first?.number ?? 0).rounded(.towardZero))
            case "index":
                guard values.count == 2, let r = values[0].text.firstRange(of: values[1].text) else { return .number(0) }
                return .number(Double(values[0].text.distance(from: values[0].text.startIndex, to: r.lowerBound) + 1))
            case "substr":
                let s = Array(values.first?.text ?? "")
                let start = AwkValue.int((values.count > 1 ? values[1].number : 1).rounded())
                let length = values.count > 2 ? AwkValue.int(values[2].number.rounded()) : s.count + 1
                let from = max(start, 1), to = min(start.addingReportingOverflow(length).partialValue, s.count + 1)
                return .string(from < to ? String(s[(from - 1)..<(to - 1)]) : "")
            case "sprintf":
                return .string(AwkMachine.printf(values.first?.text ?? "", Array(values.dropFirst())))
            default:
                throw AwkError(message: "function \(name) never defined")
            }
        }
    }

    mutating func store(_ value: AwkValue, into target: AwkExpr) throws {
        switch target {
        case .variable(let name):
            variables[name] = value
            if name == "NF" {
                let n = min(max(0, AwkValue.int(value.number)), 10_000)
                var parts = Array(fields.dropFirst().prefix(n))
                while parts.count < n { parts.append("") }
                fields = [parts.joined(separator: variables["OFS"]?.text ?? " ")] + parts
            }
        case .field(let indexExpr):
            let i = AwkValue.int(try evaluate(indexExpr).number)
            guard i >= 0 && i <= 10_000 else { throw AwkError(message: "field index $\(i) out of range") }
            if i == 0 { setRecord(value.text); return }
            while fields.count <= i { fields.append("") }
            fields[i] = value.text
            fields[0] = fields.dropFirst().joined(separator: variables["OFS"]?.text ?? " ")
            variables["NF"] = .number(Double(fields.count - 1))
        default:
            throw AwkError(message: "assignment to a non-variable")
        }
    }

    func matches(_ text: String, _ pattern: String) throws -> Bool {
        guard let matcher = LineMatcher(pattern, extended: true, fixed: false, ignoreCase: false, word: false, line: false) else {
            throw AwkError(message: "regular expression compile failed (\(pattern))")
        }
        return matcher.matches(Substring(text))
    }
}
