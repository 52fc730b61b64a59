/// Go's builtin template functions plus the ones docker's client adds (docker/cli
/// templates/templates.go in v28.2.2: json, split, join, title, lower, upper, pad, truncate).
enum TemplateFunctions {
    static let names: Set<String> = [
        "and", "call", "html", "index", "slice", "js", "len", "not", "or", "print", "printf", "println",
        "urlquery", "eq", "ge", "gt", "le", "lt", "ne",
        "json", "split", "join", "title", "lower", "upper", "pad", "truncate",
    ]

    static func isDefined(_ name: String) -> Bool { names.contains(name) }

    /// An argument with the node it came from (nil for a value piped in from the previous stage).
    struct Arg {
        var node: TemplateArg?
        var value: JSONValue?
    }

    static func call(
        _ name: String, node: TemplateArg, args argNodes: [TemplateArg], final: JSONValue??, dot: JSONValue?,
        exec: inout TemplateExecutor
    ) throws(GoTemplateError) -> JSONValue? {
        let count = argNodes.count + (final != nil ? 1 : 0)
        func want(_ n: Int) throws(GoTemplateError) {
            if count != n { throw exec.fail(node, TemplateMessages.wrongArgs(name, want: n, got: count)) }
        }
        func atLeast(_ n: Int) throws(GoTemplateError) {
            if count < n { throw exec.fail(node, TemplateMessages.wrongArgsAtLeast(name, want: n, got: count)) }
        }
        // and / or evaluate lazily.
        if name == "and" || name == "or" {
            try atLeast(1)
            var v: JSONValue? = nil
            for a in argNodes {
                v = try exec.argValue(dot, a)
                if GoFmt.isTrue(v) != (name == "and") { return v }
            }
            if let f = final { v = f }
            return v
        }
        var args: [Arg] = []
        args.reserveCapacity(count)
        for a in argNodes { args.append(Arg(node: a, value: try exec.argValue(dot, a))) }
        if let f = final { args.append(Arg(node: nil, value: f)) }
        let header = exec.options.headerFunctions

        func str(_ k: Int) throws(GoTemplateError) -> String { try typed(args[k], "string", node, exec).stringValue! }
        func int(_ k: Int) throws(GoTemplateError) -> Int64 {
            if case .int(let i) = try typed(args[k], "int", node, exec) { return i }
            return 0
        }
        func calling(_ m: String) -> GoTemplateError {
            exec.fail(at: node.pos, commandString(node, argNodes), TemplateMessages.errorCalling(name, m))
        }

        switch name {
        case "not":
            try want(1)
            return .bool(!GoFmt.isTrue(args[0].value))
        case "len":
            try want(1)
            switch args[0].value {
            case .string(let s): return .int(Int64(s.utf8.count))
            case .array(let a): return .int(Int64(a.count))
            case .object(let o): return .int(Int64(o.count))
            case .null:
                // A JSON null from data is most often a nil slice or map (len 0); the literal nil is an error.
                if case .nilValue = args[0].node { throw calling(TemplateMessages.lenOfNil) }
                return .int(0)
            case nil: throw calling(TemplateMessages.lenOfNil)
            case .int(let i) where exec.rawPass && !isConstant(args[0].node): return .int(Int64(String(i).utf8.count))
            case .some(let v): throw calling(TemplateMessages.lenOf(GoFmt.typeName(v)))
            }
        case "index":
            try atLeast(1)
            var v = args[0].value
            for k in args.dropFirst() {
                switch (v, k.value) {
                case (.array(let a), .int(let i)):
                    guard i >= 0 && i < a.count else { throw calling(TemplateMessages.indexOutOfRange(i)) }
                    v = a[Int(i)]
                case (.string(let s), .int(let i)):
                    let u = Array(s.utf8)
                    guard i >= 0 && i < u.count else { throw calling(TemplateMessages.indexOutOfRange(i)) }
                    v = .int(Int64(u[Int(i)]))
                case (.object(let o), .string(let key)):
                    v = o[key] ?? zeroElement(o)
                case (.null, _), (nil, _):
                    throw calling(TemplateMessages.indexOfNil)
                case (.some(let item), _):
                    if case .array = item { throw calling(TemplateMessages.cantIndexWith(GoFmt.typeName(k.value))) }
                    throw calling(TemplateMessages.cantIndex(GoFmt.typeName(item)))
                }
            }
            return v
        case "slice":
            try atLeast(1)
            guard args.count <= 4 else { throw calling("too many slice indexes: \(args.count - 1)") }
            var idx: [Int64] = []
            for k in args.dropFirst() {
                guard case .int(let i) = k.value else { throw calling(TemplateMessages.cantIndexWith(GoFmt.typeName(k.value))) }
                idx.append(i)
            }
            switch args[0].value {
            case .string(let s):
                if idx.count == 3 { throw calling("cannot 3-index slice a string") }
                let u = Array(s.utf8)
                let lo = idx.first ?? 0, hi = idx.count > 1 ? idx[1] : Int64(u.count)
                for i in idx where i < 0 || i > u.count { throw calling(TemplateMessages.indexOutOfRange(i)) }
                if lo > hi { throw calling(TemplateMessages.invalidSliceIndex(lo, hi)) }
                return .string(String(decoding: u[Int(lo)..<Int(hi)], as: UTF8.self))
            case .array(let a):
                let lo = idx.first ?? 0, hi = idx.count > 1 ? idx[1] : Int64(a.count)
                for i in idx where i < 0 || i > a.count { throw calling(TemplateMessages.indexOutOfRange(i)) }
                if lo > hi { throw calling(TemplateMessages.invalidSliceIndex(lo, hi)) }
                return .array(Array(a[Int(lo)..<Int(hi)]))
            case nil, .null: throw calling(TemplateMessages.sliceOfNil)
            case .some(let v): throw calling(TemplateMessages.cantSlice(GoFmt.typeName(v)))
            }
        case "print", "println", "printf":
            if name == "printf" { try atLeast(1) }
            let f = name == "printf" ? try str(0) : ""
            let rest = name == "printf" ? args.dropFirst() : args[...]
            let values = rest.map { GoFmt.Keyed(value: $0.value ?? .null, key: TemplateExecutor.fieldName($0.node)) }
            switch name {
            case "print": return .string(GoFmt.sprint(values, style: exec.style))
            case "println": return .string(GoFmt.sprintln(values, style: exec.style))
            default: return .string(GoFmt.sprintf(f, values, style: exec.style))
            }
        case "eq", "ne", "lt", "le", "gt", "ge":
            if name == "eq" { try atLeast(1) } else { try want(2) }
            // In docker inspect's raw-map pass, numbers from the data are json.Number, a string kind.
            func operand(_ a: Arg) -> JSONValue {
                let v = a.value ?? .null
                guard exec.rawPass, !isConstant(a.node) else { return v }
                switch v {
                case .int(let i): return .string(String(i))
                case .double(let d): return .string(GoFloatFormat.json(d))
                default: return v
                }
            }
            let a = operand(args[0])
            if name == "eq" {
                if args.count == 1 { throw calling("missing argument for comparison") }
                for b in args.dropFirst() {
                    switch GoFmt.compare(a, operand(b), orderOnly: false) {
                    case .failure(let m): throw calling(m.message)
                    case .success(let c): if c == 0 { return .bool(true) }
                    }
                }
                return .bool(false)
            }
            switch GoFmt.compare(a, operand(args[1]), orderOnly: name != "ne") {
            case .failure(let m): throw calling(m.message)
            case .success(let c):
                switch name {
                case "ne": return .bool(c != 0)
                case "lt": return .bool(c < 0)
                case "le": return .bool(c <= 0)
                case "gt": return .bool(c > 0)
                default: return .bool(c >= 0)
                }
            }
        case "html", "js", "urlquery":
            // Go's evalArgs: one string argument is used as is, anything else goes through
            // fmt.Sprint with missing or nil values shown as <no value>.
            let s: String
            if args.count == 1, case .string(let one)? = args[0].value {
                s = one
            } else {
                s = GoFmt.sprint(args.map { a -> JSONValue in
                    switch a.value {
                    case nil, .null: return .string("<no value>")
                    case .some(let v): return v
                    }
                })
            }
            switch name {
            case "html": return .string(GoFmt.htmlEscape(s))
            case "js": return .string(GoFmt.jsEscape(s))
            default: return .string(GoFmt.queryEscape(s))
            }
        case "call":
            // Data never holds Go functions, so every call fails the way Go's does for a non-function.
            try atLeast(1)
            throw calling(TemplateMessages.nonFunction(argNodes.first?.goString ?? "", type: GoFmt.typeName(args[0].value)))
        // docker's functions
        case "json":
            try want(1)
            if header { return .string(try str(0)) }
            let v = args[0].value ?? .null
            let escape = exec.options.rootJSONEscapesHTML && v == exec.vars[0].value
            return .string(v.compactJSON(escapeHTML: escape))
        case "split":
            try want(2)
            let s = try str(0), sep = try str(1)
            if header { return .string(s) }
            return .array(GoFmt.split(s, sep).map { .string($0) })
        case "join":
            try want(2)
            if header { return .string(try str(0)) }
            if let n = args[0].node, isConstant(n) {
                throw exec.fail(n, TemplateMessages.cantHandle(n.goString, type: "[]string"))
            }
            let sep = try str(1)
            switch args[0].value {
            case .null: return .string("")
            case .array(let a):
                var parts: [String] = []
                for e in a {
                    guard case .string(let s) = e else {
                        throw exec.fail(args[0].node ?? node, TemplateMessages.wrongType(expected: "[]string", got: "[]interface {}"))
                    }
                    parts.append(s)
                }
                return .string(parts.joined(separator: sep))
            default:
                _ = try typed(args[0], "[]string", node, exec)
                return .string("")
            }
        case "title":
            try want(1)
            return .string(header ? try str(0) : GoFmt.title(try str(0)))
        case "lower":
            try want(1)
            return .string(header ? try str(0) : GoFmt.changeCase(try str(0), upper: false))
        case "upper":
            try want(1)
            return .string(header ? try str(0) : GoFmt.changeCase(try str(0), upper: true))
        case "pad":
            try want(3)
            let s = try str(0), p = try int(1), q = try int(2)
            if s.isEmpty { return .string(s) }
            if p < 0 || q < 0 { throw calling(TemplateMessages.negativeRepeat) }
            return .string(String(repeating: " ", count: Int(p)) + s + String(repeating: " ", count: Int(q)))
        case "truncate":
            try want(2)
            let s = try str(0), n = try int(1)
            if header { return .string(s) }
            let u = s.utf8
            if u.count < n { return .string(s) }
            if n < 0 { throw calling("runtime error: slice bounds out of range [:\(n)]") }
            return .string(String(decoding: u.prefix(Int(n)), as: UTF8.self))
        default:
            throw exec.fail(node, TemplateMessages.functionNotDefined(name))
        }
    }

    static func isConstant(_ n: TemplateArg?) -> Bool {
        switch n {
        case .number, .string, .bool, .nilValue: return true
        default: return false
        }
    }

    /// Go's zero value for a missing key read with `index`: "" for a map whose values are all
    /// strings (labels, options), nil otherwise.
    static func zeroElement(_ o: JSONObject) -> JSONValue {
        for e in o.entries {
            if case .string = e.value { continue }
            return .null
        }
        return .string("")
    }

    /// Converts an argument to a typed parameter ("string", "int", "[]string") the way
    /// text/template's evalArg/validateType do, with their messages.
    static func typed(_ a: Arg, _ type: String, _ fn: TemplateArg, _ exec: TemplateExecutor) throws(GoTemplateError)
        -> JSONValue
    {
        if let n = a.node {
            switch n {
            case .number, .bool, .nilValue, .string:
                let ok: Bool
                switch (type, n) {
                case ("string", .string): ok = true
                case ("int", .number(_, let num)):
                    if case .int = num.value { ok = true } else { ok = false }
                default: ok = false
                }
                if !ok {
                    let what = type == "int" ? "integer" : type
                    throw exec.fail(n, TemplateMessages.expected(what, found: n.goString))
                }
            default: break
            }
        }
        let at = a.node ?? fn
        guard let v = a.value else { throw exec.fail(at, TemplateMessages.invalidValue(expected: type)) }
        switch (type, v) {
        case ("string", .string), ("int", .int): return v
        case (_, .int) where exec.rawPass && !isConstant(a.node), (_, .double) where exec.rawPass && !isConstant(a.node):
            throw exec.fail(at, TemplateMessages.wrongType(expected: type, got: "json.Number"))
        default: throw exec.fail(at, TemplateMessages.wrongType(expected: type, got: GoFmt.typeName(v)))
        }
    }

    /// Go's CommandNode.String() for the command whose first word is `fn`.
    static func commandString(_ fn: TemplateArg, _ args: [TemplateArg]) -> String {
        TemplateCommand(pos: fn.pos, args: [fn] + args).goString
    }
}
