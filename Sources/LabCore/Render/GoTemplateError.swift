/// A parse or execution error of a Go template, worded like Go's text/template as the
/// docker 28.2.2 client prints it. `message` is the text after the client's own prefix
/// (`failed to parse template: `, `template parsing error: ` …), e.g.
/// `template: :1: unclosed action` or
/// `template: :1:2: executing "" at <.Foo>: map has no entry for key "Foo"`.
public struct GoTemplateError: Error, Sendable, Equatable, CustomStringConvertible {
    public let message: String
    /// True for errors found while parsing the format, false for errors while executing it.
    public let isParseError: Bool

    public init(message: String, isParseError: Bool) {
        self.message = message
        self.isParseError = isParseError
    }

    public var description: String { message }
}

/// Every message text the engine produces, in one place. Unless noted otherwise each was
/// seen from the docker 28.2.2 client on this machine and is recorded in
/// Tests/LabCoreTests/Fixtures/templates/cases.json (`docker ps --format` with no daemon for
/// parse errors and context-struct errors, `docker inspect -f … tpl1` against the real engine
/// for errors on inspect data).
enum TemplateMessages {
    // MARK: Framing (text/template's Tree.errorf and state.errorf)
    /// `parseName` is the name the template was created with ("" for most commands,
    /// "version" for `docker version`); `name` the (possibly {{define}}d) template executing.
    static func parse(parseName: String, line: Int, _ m: String) -> String { "template: \(parseName):\(line): \(m)" }
    static func exec(parseName: String, name: String, line: Int, col: Int, context: String, _ m: String) -> String {
        "template: \(parseName):\(line):\(col): executing \(goQuote(name)) at <\(context)>: \(m)"
    }

    // MARK: Lexer (seen: docker ps --format with no daemon)
    static let unclosedAction = "unclosed action"
    static let unclosedComment = "unclosed comment"
    static let commentEndsEarly = "comment ends before closing delimiter"
    static let unterminatedQuoted = "unterminated quoted string"
    static let unterminatedRaw = "unterminated raw quoted string"
    static let unterminatedChar = "unterminated character constant"
    static let unexpectedRightParen = "unexpected right paren"
    static let unclosedLeftParen = "unclosed left paren"
    static let expectedDeclare = "expected :="  // from Go's lexer, not recorded
    static func badNumber(_ text: String) -> String { "bad number syntax: \(goQuote(text))" }
    static func badCharacter(_ u: Unicode.Scalar) -> String { "bad character \(goUnicode(u))" }
    static func unrecognized(_ u: Unicode.Scalar) -> String { "unrecognized character in action: \(goUnicode(u))" }

    // MARK: Parser (seen: docker ps --format with no daemon)
    static func functionNotDefined(_ n: String) -> String { "function \(goQuote(n)) not defined" }
    static func missingValue(_ ctx: String) -> String { "missing value for \(ctx)" }
    static func unexpected(_ item: String) -> String { "unexpected \(item)" }
    static func unexpected(_ item: String, in ctx: String) -> String { "unexpected \(item) in \(ctx)" }
    static let unexpectedEOF = "unexpected EOF"
    static func expectedEnd(found: String) -> String { "expected end; found \(found)" }
    static func undefinedVariable(_ n: String) -> String { "undefined variable \(goQuote(n))" }
    static func outsideRange(_ kw: String) -> String { "{{\(kw)}} outside {{range}}" }
    static func illegalNumber(_ t: String) -> String { "illegal number syntax: \(goQuote(t))" }
    static func malformedChar(_ t: String) -> String { "malformed character constant: \(t)" }
    static let invalidSyntax = "invalid syntax"
    static func nonExecutable(stage: Int) -> String { "non executable command in pipeline stage \(stage)" }
    static func tooManyDecls(_ ctx: String) -> String { "too many declarations in \(ctx)" }
    static let rangeOnlyVariables = "range can only initialize variables"
    static func cantHandle(_ node: String, type: String) -> String { "can't handle \(node) for arg of type \(type)" }
    static let maxDepth = "exceeded maximum template depth (100000)"  // Go source (exec.go), not recorded
    static let negativeRepeat = "strings: negative Repeat count"
    static func templateNotDefined(_ n: String) -> String { "template \(goQuote(n)) not defined" }
    static func undefinedVariableExec(_ n: String) -> String { "undefined variable: \(n)" }
    static func nonFunction(_ name: String, type: String) -> String { "non-function \(name) of type \(type)" }

    // MARK: Execution (seen: docker inspect -f against the real engine; docker ps with no daemon)
    static func noEntry(_ k: String) -> String { "map has no entry for key \(goQuote(k))" }
    static func nilData(_ k: String) -> String { "nil data; no entry for key \(goQuote(k))" }  // Go source, not recorded
    static func nilPointer(_ type: String, _ f: String) -> String { "nil pointer evaluating \(type).\(f)" }
    static func cantEvaluate(_ f: String, _ type: String) -> String { "can't evaluate field \(f) in type \(type)" }
    static func notAMethod(_ f: String) -> String { "\(f) is not a method but has arguments" }
    static func wrongArgs(_ n: String, want: Int, got: Int) -> String { "wrong number of args for \(n): want \(want) got \(got)" }
    static func wrongArgsAtLeast(_ n: String, want: Int, got: Int) -> String {
        "wrong number of args for \(n): want at least \(want) got \(got)"
    }
    static func nonFunction(_ node: String) -> String { "can't give argument to non-function \(node)" }
    static let nilNotCommand = "nil is not a command"
    static func cantIterate(_ v: String) -> String { "range can't iterate over \(v)" }
    static func errorCalling(_ f: String, _ m: String) -> String { "error calling \(f): \(m)" }
    static let incompatibleTypes = "incompatible types for comparison"
    static let invalidTypeForComparison = "invalid type for comparison"
    static func nonComparable(_ value: String, _ type: String) -> String { "non-comparable type \(value): \(type)" }
    static let lenOfNil = "reflect: call of reflect.Value.Type on zero Value"
    static func rangeOverIntTwoVars(_ n: Int64) -> String { "can't use \(n) to iterate over more than one variable" }
    static func indexOutOfRange(_ i: Int64) -> String { "index out of range: \(i)" }
    static func cantIndex(_ type: String) -> String { "can't index item of type \(type)" }
    static let indexOfNil = "index of untyped nil"
    static let sliceOfNil = "slice of untyped nil"
    static func cantSlice(_ type: String) -> String { "can't slice item of type \(type)" }
    static func invalidSliceIndex(_ a: Int64, _ b: Int64) -> String { "invalid slice index: \(a) > \(b)" }
    static func lenOf(_ type: String) -> String { "len of type \(type)" }
    static func expected(_ what: String, found node: String) -> String { "expected \(what); found \(node)" }
    static func wrongType(expected: String, got: String) -> String { "wrong type for value; expected \(expected); got \(got)" }
    static func invalidValue(expected: String) -> String { "invalid value; expected \(expected)" }
    static func cantIndexWith(_ keyType: String) -> String { "cannot index slice/array with type \(keyType)" }
}

/// Go's %q for a string (strconv.Quote): printable runes kept, `\"` `\\` `\n` `\t`… escaped.
/// Works on UTF-8 bytes: printable ASCII is copied as is, only other runes are examined.
func goQuote(_ s: String) -> String {
    var out = [UInt8]()
    out.reserveCapacity(s.utf8.count + 2)
    out.append(UInt8(ascii: "\""))
    var needsScalars = false
    for b in s.utf8 {
        if b >= 0x80 { needsScalars = true; break }
        appendQuoted(Unicode.Scalar(b), to: &out)
    }
    if needsScalars {
        out.removeSubrange(1...)
        for u in s.unicodeScalars { appendQuoted(u, to: &out) }
    }
    out.append(UInt8(ascii: "\""))
    return String(decoding: out, as: UTF8.self)
}

private func appendQuoted(_ u: Unicode.Scalar, to out: inout [UInt8]) {
    func add(_ text: String) { out.append(contentsOf: text.utf8) }
    switch u {
    case "\"": add("\\\"")
    case "\\": add("\\\\")
    case "\u{07}": add("\\a")
    case "\u{08}": add("\\b")
    case "\u{0C}": add("\\f")
    case "\n": add("\\n")
    case "\r": add("\\r")
    case "\t": add("\\t")
    case "\u{0B}": add("\\v")
    default:
        if u.value < 0x20 || u.value == 0x7F {
            add("\\x" + hex2(u.value))
        } else if u.value < 0x7F {
            out.append(UInt8(u.value))
        } else if isGoPrintable(u) {
            out.append(contentsOf: String(u).utf8)
        } else if u.value < 0x10000 {
            add("\\u" + hexN(u.value, 4))
        } else {
            add("\\U" + hexN(u.value, 8))
        }
    }
}

/// strconv.IsPrint for a rune beyond ASCII (the ellipsis docker's tables cut with is the common one).
private func isGoPrintable(_ u: Unicode.Scalar) -> Bool {
    if u == "\u{2026}" { return true }
    let category = u.properties.generalCategory
    switch category {
    case .control, .format, .unassigned, .lineSeparator, .paragraphSeparator, .privateUse, .surrogate: return false
    default: return !u.properties.isWhitespace
    }
}

/// Go's %#U: `U+0041 'A'`.
func goUnicode(_ u: Unicode.Scalar) -> String { "U+\(hexN(u.value, 4, upper: true)) '\(Character(u))'" }

func hex2(_ v: UInt32) -> String { hexN(v, 2) }

func hexN(_ v: UInt32, _ n: Int, upper: Bool = false) -> String {
    var s = String(v, radix: 16, uppercase: upper)
    while s.count < n { s = "0" + s }
    return s
}
