/// Walks a parsed template over a JSONValue, following text/template's evaluation rules.
/// A Swift `nil` (`JSONValue?`) plays the part of Go's invalid reflect.Value: a missing map
/// key, printed as `<no value>`.
struct TemplateExecutor {
    let source: String
    let options: GoTemplate.Options
    var vars: [(name: String, value: JSONValue?)]
    var out = ""
    /// The raw-map pass of `.dockerInspect`: every object is a map, numbers are json.Number.
    var rawPass = false { didSet { style.structs = !rawPass } }
    private(set) var style: GoFmt.Style

    enum Flow { case normal, breakLoop, continueLoop }

    let defined: [String: [TemplateNode]]
    /// The name of the template being executed (`""` for the main one), as errors show it.
    var name: String
    var depth = 0
    static let maxDepth = 100
    let parseName: String

    init(template: GoTemplate, options: GoTemplate.Options, root: JSONValue) {
        self.source = template.source
        self.defined = template.defined
        self.parseName = template.name
        self.name = template.name
        self.options = options
        self.vars = [("$", root)]
        self.style = GoFmt.Style(kinds: options.fieldKinds, structs: true)
    }

    // MARK: errors

    func fail(at pos: Int, _ context: String, _ m: String) -> GoTemplateError {
        let prefix = source.utf8.prefix(pos)
        var line = 1
        var col = pos
        var seen = 0
        for c in prefix {
            seen += 1
            if c == 0x0A {
                line += 1
                col = pos - seen
            }
        }
        return GoTemplateError(
            message: TemplateMessages.exec(parseName: parseName, name: name, line: line, col: col, context: context, m), isParseError: false)
    }

    func fail(_ arg: TemplateArg, _ m: String) -> GoTemplateError { fail(at: arg.pos, arg.goString, m) }

    // MARK: walking

    mutating func walk(_ dot: JSONValue?, _ list: [TemplateNode]) throws(GoTemplateError) -> Flow {
        for node in list {
            switch node {
            case .text(let t):
                out += t
            case .action(let pipe):
                let v = try pipeline(dot, pipe)
                if pipe.decl.isEmpty {
                    let last = pipe.cmds[pipe.cmds.count - 1]
                    let key = last.args.count == 1 ? Self.fieldName(last.args[0]) : nil
                    GoFmt.printValue(v, into: &out, style: style, key: key)
                }
            case .ifNode(let br), .withNode(let br):
                let mark = vars.count
                let v = try pipeline(dot, br.pipe)
                var flow = Flow.normal
                if GoFmt.isTrue(v) {
                    if case .withNode = node { flow = try walk(v, br.list) } else { flow = try walk(dot, br.list) }
                } else if let e = br.elseList {
                    flow = try walk(dot, e)
                }
                vars.removeLast(vars.count - mark)
                if flow != .normal { return flow }
            case .rangeNode(let br):
                let mark = vars.count
                try range(dot, br)
                vars.removeLast(vars.count - mark)
            case .templateCall(let pos, let tname, let pipe):
                let context = "{{template \(goQuote(tname))" + (pipe.map { " " + $0.goString } ?? "") + "}}"
                guard let body = defined[tname] else {
                    throw fail(at: pos, context, TemplateMessages.templateNotDefined(tname))
                }
                let value: JSONValue? = try pipe.map { p throws(GoTemplateError) in try pipeline(dot, p) } ?? nil
                // Go stops runaway recursion at depth 100000; Swift task stacks are small, so the lab
                // stops far earlier but reports Go's words.
                if depth >= Self.maxDepth { throw fail(at: pos, context, TemplateMessages.maxDepth) }
                let savedVars = vars, savedName = name
                vars = [("$", value)]
                name = tname
                depth += 1
                _ = try walk(value, body)
                depth -= 1
                vars = savedVars
                name = savedName
            case .breakNode: return .breakLoop
            case .continueNode: return .continueLoop
            }
        }
        return .normal
    }

    private mutating func range(_ dot: JSONValue?, _ br: TemplateBranch) throws(GoTemplateError) {
        let v = try pipeline(dot, br.pipe)
        let declCount = br.pipe.decl.count
        let top = vars.count - 1
        func iteration(_ me: inout TemplateExecutor, _ index: JSONValue, _ elem: JSONValue) throws(GoTemplateError) -> Flow {
            if declCount > 0 {
                me.vars[top].value = elem
                if declCount > 1 { me.vars[top - 1].value = index }
            }
            let mark = me.vars.count
            let f = try me.walk(elem, br.list)
            me.vars.removeLast(me.vars.count - mark)
            return f
        }
        var ran = false
        switch v {
        case .array(let a):
            for (k, e) in a.enumerated() {
                ran = true
                if try iteration(&self, .int(Int64(k)), e) == .breakLoop { break }
            }
        case .object(let o):
            for k in o.sortedKeys {
                ran = true
                if try iteration(&self, .string(k), o[k]!) == .breakLoop { break }
            }
        case .int(let n):
            if declCount > 1 {
                let node = br.pipe.cmds[br.pipe.cmds.count - 1].args[0]
                throw fail(node, TemplateMessages.rangeOverIntTwoVars(n))
            }
            var k: Int64 = 0
            while k < n {
                ran = true
                if try iteration(&self, .int(k), .int(k)) == .breakLoop { break }
                k += 1
            }
        case nil, .null:
            break
        case .some(let other):
            let node = br.pipe.cmds.last.map { $0.args[0] }
            throw fail(at: node?.pos ?? br.pipe.pos, node?.goString ?? br.pipe.goString,
                TemplateMessages.cantIterate(GoFmt.sprint([other])))
        }
        if !ran, let e = br.elseList { _ = try walk(dot, e) }
    }

    // MARK: pipelines and commands

    mutating func pipeline(_ dot: JSONValue?, _ pipe: TemplatePipe) throws(GoTemplateError) -> JSONValue? {
        var value: JSONValue?? = .none  // .none: no previous stage (Go's missingVal)
        for cmd in pipe.cmds {
            value = .some(try command(dot, cmd, final: value))
        }
        let result: JSONValue? = value ?? nil
        for name in pipe.decl {
            if pipe.isAssign {
                guard let i = vars.lastIndex(where: { $0.name == name }) else {
                    let node = pipe.cmds[pipe.cmds.count - 1].args[0]
                    throw fail(node, TemplateMessages.undefinedVariableExec(name))
                }
                vars[i].value = result
            } else {
                vars.append((name, result))
            }
        }
        return result
    }

    private func notAFunction(_ cmd: TemplateCommand, _ final: JSONValue??) throws(GoTemplateError) {
        if cmd.args.count > 1 || final != nil {
            throw fail(cmd.args[0], TemplateMessages.nonFunction(cmd.args[0].goString))
        }
    }

    mutating func command(_ dot: JSONValue?, _ cmd: TemplateCommand, final: JSONValue??) throws(GoTemplateError)
        -> JSONValue?
    {
        let first = cmd.args[0]
        let rest = cmd.args.dropFirst()
        switch first {
        case .field(_, let names):
            return try fieldChain(dot, receiver: dot, names: names, node: first, args: rest, final: final)
        case .chain(_, let base, let names):
            let b = try argValue(dot, base)
            return try fieldChain(dot, receiver: b, names: names, node: Self.errorNode(base), args: rest, final: final)
        case .variable(_, let name, let names):
            let v = variable(name)
            if names.isEmpty {
                try notAFunction(cmd, final)
                return v
            }
            return try fieldChain(dot, receiver: v, names: names, node: first, args: rest, final: final)
        case .function(_, let name):
            return try TemplateFunctions.call(name, node: first, args: Array(rest), final: final, dot: dot, exec: &self)
        case .pipe(let p):
            try notAFunction(cmd, final)
            return try pipeline(dot, p)
        case .nilValue:
            throw fail(first, TemplateMessages.nilNotCommand)
        case .dot:
            try notAFunction(cmd, final)
            return dot
        case .bool(_, let b):
            try notAFunction(cmd, final)
            return .bool(b)
        case .number(_, let n):
            try notAFunction(cmd, final)
            return n.value
        case .string(_, let s, _):
            try notAFunction(cmd, final)
            return .string(s)
        }
    }

    func variable(_ name: String) -> JSONValue? {
        for v in vars.reversed() where v.name == name { return v.value }
        return nil
    }

    /// The value of an argument (not in command position).
    mutating func argValue(_ dot: JSONValue?, _ arg: TemplateArg) throws(GoTemplateError) -> JSONValue? {
        switch arg {
        case .field(_, let names):
            return try fieldChain(dot, receiver: dot, names: names, node: arg, args: [], final: nil)
        case .chain(_, let base, let names):
            let b = try argValue(dot, base)
            return try fieldChain(dot, receiver: b, names: names, node: Self.errorNode(base), args: [], final: nil)
        case .variable(_, let name, let names):
            let v = variable(name)
            if names.isEmpty { return v }
            return try fieldChain(dot, receiver: v, names: names, node: arg, args: [], final: nil)
        case .function(_, let name):
            return try TemplateFunctions.call(name, node: arg, args: [], final: nil, dot: dot, exec: &self)
        case .pipe(let p): return try pipeline(dot, p)
        case .nilValue: return .null
        case .dot: return dot
        case .bool(_, let b): return .bool(b)
        case .number(_, let n): return n.value
        case .string(_, let s, _): return .string(s)
        }
    }

    /// The field an argument reads last (`.A.B` → "B"), which names its Go kind.
    static func fieldName(_ node: TemplateArg?) -> String? {
        switch node {
        case .field(_, let names), .chain(_, _, let names), .variable(_, _, let names): return names.last
        default: return nil
        }
    }

    // MARK: fields

    /// Errors in a chain `(pipeline).Field` are reported at the pipeline, shown without parentheses.
    static func errorNode(_ base: TemplateArg) -> TemplateArg {
        if case .pipe(let p) = base { return .function(pos: p.pos, name: p.goString) }
        return base
    }

    /// A non-empty object whose keys all look like exported Go field names.
    static func looksLikeStruct(_ o: JSONObject) -> Bool {
        if o.isEmpty { return false }
        for e in o.entries {
            guard let f = e.key.firstUTF8Byte, f >= 0x41, f <= 0x5A else { return false }
            for c in e.key.utf8 {
                let ok = (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A) || c == 0x5F
                if !ok { return false }
            }
        }
        return true
    }

    private mutating func fieldChain(
        _ dot: JSONValue?, receiver: JSONValue?, names: [String], node: TemplateArg,
        args: ArraySlice<TemplateArg>, final: JSONValue??
    ) throws(GoTemplateError) -> JSONValue? {
        var r = receiver
        for (k, name) in names.enumerated() {
            let last = k == names.count - 1
            let parent = k > 0 ? names[k - 1] : nil
            r = try field(dot, r, name, parent: parent, node: node, args: last ? args : [], final: last ? final : nil)
        }
        return r
    }

    private mutating func field(
        _ dot: JSONValue?, _ receiver: JSONValue?, _ name: String, parent: String?, node: TemplateArg,
        args: ArraySlice<TemplateArg>, final: JSONValue??
    ) throws(GoTemplateError) -> JSONValue? {
        let hasArgs = !args.isEmpty || final != nil
        guard let receiver else {
            if options.missingKey == .error { throw fail(node, TemplateMessages.nilData(name)) }
            return nil
        }
        if !options.methods.isEmpty, case .object(let o) = receiver, let method = options.methods[name] {
            var values: [JSONValue] = []
            for a in args { values.append(try argValue(dot, a) ?? .null) }
            if let f = final { values.append(f ?? .null) }
            if values.count != method.arity {
                throw fail(node, TemplateMessages.wrongArgs(name, want: method.arity, got: values.count))
            }
            return method.body(.object(o), values)
        }
        switch receiver {
        case .object(let o):
            if options.missingKey == .dockerInspect, options.jsonOnlyKeys.contains(name), Self.looksLikeStruct(o) {
                throw fail(node, TemplateMessages.cantEvaluate(name, "struct"))
            }
            if let v = o[name] {
                if hasArgs {
                    // A struct's fields are methods for docker's formatter contexts.
                    if case .structType = options.missingKey {
                        let n = args.count + (final != nil ? 1 : 0)
                        throw fail(node, TemplateMessages.wrongArgs(name, want: 0, got: n))
                    }
                    throw fail(node, TemplateMessages.notAMethod(name))
                }
                return v
            }
            switch options.missingKey {
            case .dockerInspect:
                let isMap = parent.map { options.fieldKinds[$0] == .map } ?? false
                if !isMap && Self.looksLikeStruct(o) {
                    // A secret's Spec.Data: a []byte the daemon never sends, empty (Fixtures/swarm 09).
                    if parent == "Spec" && name == "Data" && !hasArgs { return .array([]) }
                    // An omitempty slice, map or pointer field: nil in the Go struct; a string: "".
                    if let kind = options.fieldKinds[name], !hasArgs { return kind == .string ? .string("") : .null }
                    throw fail(node, TemplateMessages.cantEvaluate(name, "struct"))
                }
                if hasArgs { throw fail(node, TemplateMessages.notAMethod(name)) }
                return nil
            case .noValue:
                if hasArgs { throw fail(node, TemplateMessages.notAMethod(name)) }
                return nil
            case .error: throw fail(node, TemplateMessages.noEntry(name))
            case .structType(let t): throw fail(node, TemplateMessages.cantEvaluate(name, t))
            }
        case .null:
            if options.missingKey == .error || options.missingKey == .dockerInspect {
                throw fail(node, TemplateMessages.nilPointer("interface {}", name))
            }
            return nil
        default:
            let t = options.missingKey == .error ? "interface {}" : GoFmt.typeName(receiver)
            throw fail(node, TemplateMessages.cantEvaluate(name, t))
        }
    }
}
