/// The `test` and `[` builtins: file tests on the virtual filesystem, string and integer comparisons.
enum TestBuiltin {
    static let program = ClosureProgram(run)

    struct Failure: Error { let message: String }

    static func run(_ p: inout ProcessContext, _ lab: inout Lab) -> Int32 {
        var args = Array(p.arguments.dropFirst())
        if p.name == "[" {
            guard args.last == "]" else {
                p.writeError(p.shellDiagnosticPrefix + "[: missing `]'\n")
                return 2
            }
            args.removeLast()
        }
        do {
            if args.count == 3 && !["=", "==", "!=", "-eq", "-ne", "-lt", "-le", "-gt", "-ge", "<", ">", "-a", "-o"].contains(args[1])
                && args[0] != "!" && args[0] != "(" {
                throw Failure(message: "\(args[1]): binary operator expected")
            }
            if args.count == 2 && args[0] != "!" && !(args[0].hasPrefix("-") && args[0].count == 2) {
                throw Failure(message: "\(args[0]): unary operator expected")
            }
            var evaluator = Evaluator(args: args[...], process: p, files: lab.machine.files)
            let result = try evaluator.expression()
            if !evaluator.args.isEmpty { throw Failure(message: "\(evaluator.args.first!): too many arguments") }
            return result ? 0 : 1
        } catch let failure as Failure {
            p.writeError(p.shellDiagnosticPrefix + "\(p.name): \(failure.message)\n")
            return 2
        } catch {
            return 2
        }
    }

    struct Evaluator {
        var args: ArraySlice<String>
        let process: ProcessContext
        let files: VirtualFileSystem

        mutating func expression() throws -> Bool {
            var value = try conjunction()
            while args.first == "-o" { args = args.dropFirst(); value = try conjunction() || value }
            return value
        }

        mutating func conjunction() throws -> Bool {
            var value = try primary()
            while args.first == "-a" { args = args.dropFirst(); let r = try primary(); value = value && r }
            return value
        }

        mutating func primary() throws -> Bool {
            guard let first = args.first else { return false }
            if first == "!" && args.count > 1 { args = args.dropFirst(); return !(try primary()) }
            if first == "(" && args.count > 2 {
                args = args.dropFirst()
                let v = try expression()
                if args.first == ")" { args = args.dropFirst() }
                return v
            }
            if args.count >= 3, let op = args.dropFirst().first, binaryOperators.contains(op) {
                let lhs = first
                let rhs = args[args.startIndex + 2]
                args = args.dropFirst(3)
                return try binary(lhs, op, rhs)
            }
            if first.hasPrefix("-") && first.count == 2 && args.count >= 2 {
                let operand = args[args.startIndex + 1]
                args = args.dropFirst(2)
                return try unary(first, operand)
            }
            args = args.dropFirst()
            return !first.isEmpty
        }

        let binaryOperators: Set<String> = ["=", "==", "!=", "-eq", "-ne", "-lt", "-le", "-gt", "-ge", "<", ">"]

        func integer(_ s: String) throws -> Int {
            guard let n = Int(s.trimmingPrefixSpaces()) else { throw Failure(message: "\(s): integer expression expected") }
            return n
        }

        func binary(_ l: String, _ op: String, _ r: String) throws -> Bool {
            switch op {
            case "=", "==": return l == r
            case "!=": return l != r
            case "<": return l.utf8Precedes(r)
            case ">": return r.utf8Precedes(l)
            case "-eq": return try integer(l) == integer(r)
            case "-ne": return try integer(l) != integer(r)
            case "-lt": return try integer(l) < integer(r)
            case "-le": return try integer(l) <= integer(r)
            case "-gt": return try integer(l) > integer(r)
            default: return try integer(l) >= integer(r)
            }
        }

        func unary(_ op: String, _ operand: String) throws -> Bool {
            let node = files.node(at: process.resolve(operand))
            switch op {
            case "-z": return operand.isEmpty
            case "-n": return !operand.isEmpty
            case "-e", "-a": return node != nil
            case "-f": if case .file? = node { return true } else { return false }
            case "-d": return node == .directory
            case "-s": if case .file(let t)? = node { return !t.isEmpty } else { return node == .directory }
            case "-r", "-w": return node != nil
            case "-x": return node == .directory
            case "-L", "-h", "-S", "-p", "-b", "-c": return false
            default: throw Failure(message: "\(op): unary operator expected")
            }
        }
    }
}

fileprivate extension String {
    func trimmingPrefixSpaces() -> Substring {
        let trimmed = drop { $0 == " " || $0 == "\t" }
        var end = trimmed.endIndex
        while end > trimmed.startIndex, trimmed[trimmed.index(before: end)] == " " { end = trimmed.index(before: end) }
        return trimmed[..<end]
    }
}
