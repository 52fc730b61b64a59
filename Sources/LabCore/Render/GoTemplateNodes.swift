/// The parse tree of a Go template: built once by `TemplateParser`, executed many times.
indirect enum TemplateNode: Sendable {
    case text(String)
    case action(TemplatePipe)
    case ifNode(TemplateBranch)
    case rangeNode(TemplateBranch)
    case withNode(TemplateBranch)
    case breakNode
    case continueNode
    /// `{{template "name" pipeline}}` (pipeline optional); `pos` is the name's position.
    case templateCall(pos: Int, name: String, pipe: TemplatePipe?)
}

/// `{{if}}`, `{{range}}` and `{{with}}`: a pipeline, a body and an optional else body.
struct TemplateBranch: Sendable {
    var pipe: TemplatePipe
    var list: [TemplateNode]
    var elseList: [TemplateNode]?
}

/// A pipeline `$x := a | b c | d`, with its optional variable declarations.
struct TemplatePipe: Sendable {
    var pos: Int
    var decl: [String]
    var isAssign: Bool
    var cmds: [TemplateCommand]

    /// Go's PipeNode.String().
    var goString: String {
        var s = ""
        if !decl.isEmpty {
            s = decl.joined(separator: ", ") + (isAssign ? " = " : " := ")
        }
        return s + cmds.map(\.goString).joined(separator: " | ")
    }
}

/// One stage of a pipeline: an operand or a function with its arguments.
struct TemplateCommand: Sendable {
    var pos: Int
    var args: [TemplateArg]

    /// Go's CommandNode.String().
    var goString: String {
        args.map { a in
            if case .pipe(let p) = a { return "(" + p.goString + ")" }
            return a.goString
        }.joined(separator: " ")
    }
}

/// A constant number as Go's parser keeps it: the text and the Go value it denotes when
/// printed on its own (an int when the text is an integer or a character, else a float64).
struct TemplateNumber: Sendable {
    var text: String
    var value: JSONValue
}

/// An operand of a command.
indirect enum TemplateArg: Sendable {
    case field(pos: Int, names: [String])
    case variable(pos: Int, name: String, names: [String])
    case dot(pos: Int)
    case nilValue(pos: Int)
    case bool(pos: Int, Bool)
    case number(pos: Int, TemplateNumber)
    case string(pos: Int, value: String, quoted: String)
    case function(pos: Int, name: String)
    case pipe(TemplatePipe)
    case chain(pos: Int, base: TemplateArg, names: [String])

    var pos: Int {
        switch self {
        case .field(let p, _), .variable(let p, _, _), .dot(let p), .nilValue(let p), .bool(let p, _),
            .number(let p, _), .string(let p, _, _), .function(let p, _), .chain(let p, _, _):
            return p
        case .pipe(let p): return p.pos
        }
    }

    /// Go's Node.String() for error contexts.
    var goString: String {
        switch self {
        case .field(_, let names): return names.map { "." + $0 }.joined()
        case .variable(_, let name, let names): return name + names.map { "." + $0 }.joined()
        case .dot: return "."
        case .nilValue: return "nil"
        case .bool(_, let b): return b ? "true" : "false"
        case .number(_, let n): return n.text
        case .string(_, _, let q): return q
        case .function(_, let n): return n
        case .pipe(let p): return "(" + p.goString + ")"
        case .chain(_, let base, let names):
            let b: String
            if case .pipe = base { b = base.goString } else { b = base.goString }
            return b + names.map { "." + $0 }.joined()
        }
    }
}
