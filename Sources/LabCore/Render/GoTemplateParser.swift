/// Builds the tree of a template from its tokens, following the order in which Go's
/// text/template parser meets (and reports) problems.
struct TemplateParser {
    private let toks: [TemplateToken]
    private var i = 0
    private var line = 1
    private var vars: [String] = ["$"]
    private var rangeDepth = 0
    private var actionLine = 0
    private var parseName = ""
    /// Templates named by `{{define}}` and `{{block}}`.
    private var defined: [String: [TemplateNode]] = [:]

    static func parse(_ source: String, name: String) throws(GoTemplateError) -> (
        main: [TemplateNode], defined: [String: [TemplateNode]]
    ) {
        var p = TemplateParser(toks: TemplateLexer.tokenize(source))
        p.parseName = name
        let main = try p.parseAll()
        return (main, p.defined)
    }

    private init(toks: [TemplateToken]) { self.toks = toks }

    // MARK: token access

    private mutating func next() -> TemplateToken {
        let t = toks[min(i, toks.count - 1)]
        i += 1
        line = t.line
        return t
    }
    private func peek() -> TemplateToken { toks[min(i, toks.count - 1)] }
    private mutating func nextNonSpace() -> TemplateToken {
        var t = next()
        while t.kind == .space { t = next() }
        return t
    }
    private mutating func peekNonSpace() -> TemplateToken {
        let t = nextNonSpace()
        i -= 1
        return t
    }
    private mutating func backup(_ n: Int = 1) { i -= n }

    private func fail(_ m: String) -> GoTemplateError {
        GoTemplateError(message: TemplateMessages.parse(parseName: parseName, line: line, m), isParseError: true)
    }
    private mutating func unexpected(_ t: TemplateToken, _ ctx: String) -> GoTemplateError {
        line = t.line
        if t.kind == .error {
            var extra = ""
            if actionLine != 0 && actionLine != t.line {
                extra = t.value.hasSuffix(" action") ? " started at :\(actionLine)" : " in action started at :\(actionLine)"
            }
            return fail(t.value + extra)
        }
        return fail(TemplateMessages.unexpected(t.goDescription, in: ctx))
    }
    private mutating func expect(_ k: TemplateToken.Kind, _ ctx: String) throws(GoTemplateError) -> TemplateToken {
        let t = nextNonSpace()
        if t.kind != k { throw unexpected(t, ctx) }
        return t
    }

    // MARK: structure

    private enum Item {
        case node(TemplateNode)
        case end
        case elseItem
    }

    private mutating func parseAll() throws(GoTemplateError) -> [TemplateNode] {
        var list: [TemplateNode] = []
        while peek().kind != .eof {
            if peek().kind == .leftDelim {
                let save = i
                let delim = next()
                if nextNonSpace().kind == .keyword(.define) {
                    actionLine = delim.line
                    try definition()
                    continue
                }
                i = save
            }
            switch try textOrAction() {
            case .node(let n): list.append(n)
            case .end: throw fail(TemplateMessages.unexpected("{{end}}"))
            case .elseItem: throw fail(TemplateMessages.unexpected("{{else}}"))
            }
        }
        return list
    }

    private mutating func textOrAction() throws(GoTemplateError) -> Item {
        let t = nextNonSpace()
        switch t.kind {
        case .text: return .node(.text(t.value))
        case .leftDelim:
            actionLine = t.line
            return try action()
        case .error: throw unexpected(t, "input")
        default: throw unexpected(t, "input")
        }
    }

    private mutating func itemList() throws(GoTemplateError) -> ([TemplateNode], Item) {
        var list: [TemplateNode] = []
        while peekNonSpace().kind != .eof {
            let item = try textOrAction()
            switch item {
            case .node(let n): list.append(n)
            default: return (list, item)
            }
        }
        if peek().kind == .error { throw unexpected(peek(), "input") }
        _ = next()
        throw fail(TemplateMessages.unexpectedEOF)
    }

    private mutating func action() throws(GoTemplateError) -> Item {
        let t = nextNonSpace()
        switch t.kind {
        case .keyword(let kw):
            switch kw {
            case .if: return .node(.ifNode(try control("if")))
            case .range: return .node(.rangeNode(try control("range")))
            case .with: return .node(.withNode(try control("with")))
            case .end:
                _ = try expect(.rightDelim, "end")
                return .end
            case .else:
                let p = peekNonSpace()
                if p.kind == .keyword(.if) || p.kind == .keyword(.with) { return .elseItem }
                _ = try expect(.rightDelim, "else")
                return .elseItem
            case .break, .continue:
                let n = nextNonSpace()
                if n.kind != .rightDelim { throw unexpected(n, "{{\(kw.rawValue)}}") }
                if rangeDepth == 0 { throw fail(TemplateMessages.outsideRange(kw.rawValue)) }
                return .node(kw == .break ? .breakNode : .continueNode)
            case .template:
                let nameTok = nextNonSpace()
                let name = try templateName(nameTok, "template clause")
                var pipe: TemplatePipe? = nil
                if nextNonSpace().kind != .rightDelim {
                    backup()
                    pipe = try pipeline("template clause", end: .rightDelim)
                }
                return .node(.templateCall(pos: nameTok.pos, name: name, pipe: pipe))
            case .block:
                let nameTok = nextNonSpace()
                let name = try templateName(nameTok, "block clause")
                let pipe = try pipeline("block clause", end: .rightDelim)
                let saved = vars, savedDepth = rangeDepth
                vars = ["$"]
                rangeDepth = 0
                let (body, endItem) = try itemList()
                vars = saved
                rangeDepth = savedDepth
                guard case .end = endItem else { throw fail(TemplateMessages.unexpected("{{else}}", in: "block clause")) }
                defined[name] = body
                return .node(.templateCall(pos: nameTok.pos, name: name, pipe: pipe))
            case .define:
                backup()
                return .node(.action(try pipeline("command", end: .rightDelim)))
            }
        default:
            backup()
            return .node(.action(try pipeline("command", end: .rightDelim)))
        }
    }

    private mutating func templateName(_ t: TemplateToken, _ ctx: String) throws(GoTemplateError) -> String {
        guard t.kind == .string || t.kind == .rawString else { throw unexpected(t, ctx) }
        guard let s = TemplateLiterals.unquote(t.value) else { throw fail(TemplateMessages.invalidSyntax) }
        return s
    }

    /// `{{define "name"}} … {{end}}` at top level (the `{{define` is consumed).
    private mutating func definition() throws(GoTemplateError) {
        let nameTok = nextNonSpace()
        let name = try templateName(nameTok, "define clause")
        _ = try expect(.rightDelim, "define clause")
        let saved = vars
        vars = ["$"]
        let (body, endItem) = try itemList()
        vars = saved
        guard case .end = endItem else { throw fail(TemplateMessages.unexpected("{{else}}", in: "define clause")) }
        defined[name] = body
    }

    private mutating func control(_ ctx: String) throws(GoTemplateError) -> TemplateBranch {
        let saved = vars.count
        defer { vars.removeLast(vars.count - saved) }
        let pipe = try pipeline(ctx, end: .rightDelim)
        if ctx == "range" { rangeDepth += 1 }
        let (list, nextItem) = try itemList()
        if ctx == "range" { rangeDepth -= 1 }
        var elseList: [TemplateNode]? = nil
        if case .elseItem = nextItem {
            if ctx == "if" && peekNonSpace().kind == .keyword(.if) {
                _ = nextNonSpace()
                elseList = [.ifNode(try control("if"))]
            } else if ctx == "with" && peekNonSpace().kind == .keyword(.with) {
                _ = nextNonSpace()
                elseList = [.withNode(try control("with"))]
            } else {
                let (el, endItem) = try itemList()
                guard case .end = endItem else { throw fail(TemplateMessages.expectedEnd(found: "{{else}}")) }
                elseList = el
            }
        }
        return TemplateBranch(pipe: pipe, list: list, elseList: elseList)
    }

    // MARK: pipelines

    private mutating func pipeline(_ ctx: String, end: TemplateToken.Kind) throws(GoTemplateError) -> TemplatePipe {
        var pipe = TemplatePipe(pos: peekNonSpace().pos, decl: [], isAssign: false, cmds: [])
        declLoop: while peekNonSpace().kind == .variable {
            let save = i
            let v = nextNonSpace()
            let afterVar = peek()
            let n = peekNonSpace()
            if n.kind == .assign || n.kind == .declare {
                pipe.isAssign = n.kind == .assign
                _ = nextNonSpace()
                pipe.decl.append(v.value)
                vars.append(v.value)
                break declLoop
            } else if n.kind == .charItem && n.value == "," {
                _ = nextNonSpace()
                pipe.decl.append(v.value)
                vars.append(v.value)
                if ctx == "range" && pipe.decl.count < 2 {
                    switch peekNonSpace().kind {
                    case .variable, .rightDelim, .rightParen: continue declLoop
                    default: throw fail(TemplateMessages.rangeOnlyVariables)
                    }
                }
                throw fail(TemplateMessages.tooManyDecls(ctx))
            } else {
                // Not a declaration: put the variable (and a space after it) back.
                _ = afterVar
                i = save
                break declLoop
            }
        }
        while true {
            let t = nextNonSpace()
            if t.kind == end {
                if pipe.cmds.isEmpty { throw fail(TemplateMessages.missingValue(ctx)) }
                for (k, c) in pipe.cmds.enumerated().dropFirst() {
                    switch c.args[0] {
                    case .bool, .dot, .nilValue, .number, .string: throw fail(TemplateMessages.nonExecutable(stage: k + 1))
                    default: break
                    }
                }
                return pipe
            }
            switch t.kind {
            case .bool, .char, .dot, .field, .identifier, .number, .nilWord, .rawString, .string, .variable, .leftParen:
                backup()
                pipe.cmds.append(try command())
            default:
                throw unexpected(t, ctx)
            }
        }
    }

    private mutating func command() throws(GoTemplateError) -> TemplateCommand {
        var cmd = TemplateCommand(pos: peekNonSpace().pos, args: [])
        while true {
            _ = peekNonSpace()
            if let op = try operand() { cmd.args.append(op) }
            let t = next()
            switch t.kind {
            case .space: continue
            case .rightDelim, .rightParen: backup()
            case .pipe: break
            default: throw unexpected(t, "operand")
            }
            break
        }
        if cmd.args.isEmpty { throw fail("empty command") }
        return cmd
    }

    private mutating func operand() throws(GoTemplateError) -> TemplateArg? {
        guard let node = try term() else { return nil }
        guard peek().kind == .field else { return node }
        let chainPos = peek().pos
        var names: [String] = []
        while peek().kind == .field { names.append(String(next().value.dropFirst())) }
        switch node {
        case .field(_, let base): return .field(pos: chainPos, names: base + names)
        case .variable(_, let name, let base): return .variable(pos: chainPos, name: name, names: base + names)
        case .bool, .string, .number, .nilValue, .dot:
            throw fail("unexpected . after term \(goQuote(node.goString))")
        default: return .chain(pos: chainPos, base: node, names: names)
        }
    }

    private mutating func term() throws(GoTemplateError) -> TemplateArg? {
        let t = nextNonSpace()
        switch t.kind {
        case .identifier:
            guard TemplateFunctions.isDefined(t.value) else { throw fail(TemplateMessages.functionNotDefined(t.value)) }
            return .function(pos: t.pos, name: t.value)
        case .dot: return .dot(pos: t.pos)
        case .nilWord: return .nilValue(pos: t.pos)
        case .variable:
            let parts = t.value.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
            guard vars.contains(parts[0]) else { throw fail(TemplateMessages.undefinedVariable(parts[0])) }
            return .variable(pos: t.pos, name: parts[0], names: Array(parts.dropFirst()))
        case .field: return .field(pos: t.pos, names: [String(t.value.dropFirst())])
        case .bool: return .bool(pos: t.pos, t.value == "true")
        case .char, .number:
            return .number(pos: t.pos, try TemplateLiterals.number(t.value, isChar: t.kind == .char, fail: fail))
        case .leftParen:
            return .pipe(try pipeline("parenthesized pipeline", end: .rightParen))
        case .string, .rawString:
            guard let s = TemplateLiterals.unquote(t.value) else { throw fail(TemplateMessages.invalidSyntax) }
            return .string(pos: t.pos, value: s, quoted: t.value)
        case .error:
            throw unexpected(t, "operand")
        default:
            backup()
            return nil
        }
    }
}
