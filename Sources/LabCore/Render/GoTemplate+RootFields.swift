/// Which fields of the root value a template can read, found from its parse tree, so a caller
/// that builds the root on demand (a container's inspect JSON) can leave out the rest.
extension TemplateParser {
    /// The root's field names the template reads (`.State.Status` reads `State`; `$.Name` reads
    /// `Name`), or nil when it may read the whole root: `.` itself at the root (`{{json .}}`),
    /// `$` alone, or a `{{template}}` call.
    static func rootFields(_ nodes: [TemplateNode]) -> Set<String>? {
        var fields = Set<String>()
        return visit(nodes, dotIsRoot: true, into: &fields) ? fields : nil
    }

    private static func visit(_ nodes: [TemplateNode], dotIsRoot: Bool, into fields: inout Set<String>) -> Bool {
        for node in nodes {
            switch node {
            case .text, .breakNode, .continueNode: continue
            case .action(let pipe):
                guard visit(pipe, dotIsRoot: dotIsRoot, into: &fields) else { return false }
            case .ifNode(let b):
                guard visit(b.pipe, dotIsRoot: dotIsRoot, into: &fields), visit(b.list, dotIsRoot: dotIsRoot, into: &fields),
                      visit(b.elseList ?? [], dotIsRoot: dotIsRoot, into: &fields) else { return false }
            case .rangeNode(let b), .withNode(let b):
                // Inside the body dot is the pipeline's value, no longer the root.
                guard visit(b.pipe, dotIsRoot: dotIsRoot, into: &fields), visit(b.list, dotIsRoot: false, into: &fields),
                      visit(b.elseList ?? [], dotIsRoot: dotIsRoot, into: &fields) else { return false }
            case .templateCall: return false
            }
        }
        return true
    }

    private static func visit(_ pipe: TemplatePipe, dotIsRoot: Bool, into fields: inout Set<String>) -> Bool {
        for command in pipe.cmds {
            for arg in command.args where !visit(arg, dotIsRoot: dotIsRoot, into: &fields) { return false }
        }
        return true
    }

    private static func visit(_ arg: TemplateArg, dotIsRoot: Bool, into fields: inout Set<String>) -> Bool {
        switch arg {
        case .field(_, let names):
            if dotIsRoot, let first = names.first { fields.insert(first) }
        case .variable(_, let name, let names):
            if name == "$" {
                guard let first = names.first else { return false }
                fields.insert(first)
            }
        case .dot:
            if dotIsRoot { return false }
        case .pipe(let p):
            return visit(p, dotIsRoot: dotIsRoot, into: &fields)
        case .chain(_, let base, _):
            return visit(base, dotIsRoot: dotIsRoot, into: &fields)
        case .nilValue, .bool, .number, .string, .function:
            break
        }
        return true
    }
}
