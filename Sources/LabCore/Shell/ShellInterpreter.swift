/// The standard streams of a command being executed.
struct ShellIO {
    var stdin: ShellInput
    var stdout: OutputTarget
    var stderr: OutputTarget
}

/// Executes parsed shell source for one `Shell.run` call: lists, pipelines, simple commands,
/// redirections and subshells. A class only so started programs can call back into it.
final class ShellInterpreter {
    /// The programs commands can start (a package manager adds the ones it installs).
    var programs: ProgramTable
    let origin: ShellOrigin
    let run: RunState
    /// Whose wording diagnostics follow (bash unless a container's `sh` is ash or dash).
    var dialect: ShellDialect = .bash
    /// Here-document bodies of the script being executed.
    var hereDocuments: [ShellWord] = []
    /// `$0` and the positional parameters.
    var scriptName = "bash"
    var positional: [String] = []
    /// Line of the command being executed (for messages).
    var currentLine = 1
    /// Nesting of substitutions, subshells and child shells.
    var depth = 0
    /// Set by `exit`: the status the current (sub)shell ends with.
    var exitStatus: Int32?
    /// Status of the last command substitution (the status of an assignment-only command).
    var substitutionStatus: Int32?
    /// Child shells (`sh -c`) word their messages as `bash -c` does.
    var childShell = false
    /// Loops being executed (for `break` and `continue`).
    var loopDepth = 0
    /// A `break N` or `continue N` unwinding to its loop.
    var pendingLoopControl: (isBreak: Bool, levels: Int)?
    /// Set by `return` until the function (or sourced file) it ends has unwound.
    var returnStatus: Int32?
    /// Functions being executed.
    var functionDepth = 0
    /// The file being run by `source`, which names itself in messages.
    var sourceName: String?
    /// `set -e`, `-u`, `-x`, `-o pipefail`.
    var options = ShellOptions()
    /// Inside an if/while condition or a non-final part of an && / || list (set -e ignores failures there).
    var conditionDepth = 0
    /// Whether the last and-or list's failure was tested (a non-final part of && / ||, or negated).
    var lastFailureTested = false

    init(programs: ProgramTable, origin: ShellOrigin, run: RunState) {
        self.programs = programs
        self.origin = origin
        self.run = run
    }

    /// `bash: line 3: ` and the like.
    var diagnosticPrefix: String {
        switch dialect {
        case .bash: break
        // ash and dash name themselves by $0 (`/bin/sh: nosuch: not found` under `/bin/sh -c`).
        case .ash: return sourceName.map { $0 + ": line \(currentLine): " } ?? (childShell ? scriptName : "sh") + ": "
        case .dash: return (sourceName ?? (childShell ? scriptName : "sh")) + ": \(currentLine): "
        }
        if let sourceName { return "\(sourceName): line \(currentLine): " }
        if childShell { return "bash: line \(currentLine): " }
        switch origin {
        case .commandString: return "bash: line \(currentLine): "
        case .file(let path): return "\(path): line \(currentLine): "
        case .interactive, .standardInput: return "bash: "
        }
    }

    var stopped: Bool { exitStatus != nil || run.failure != nil || pendingLoopControl != nil || returnStatus != nil || run.serving }

    // MARK: Top level

    func runTopLevel(_ source: String, lab: inout Lab) -> ShellOutcome {
        options = lab.machine.shell.shellOptions()
        let io = ShellIO(stdin: ShellInput(""), stdout: OutputTarget(.terminal(.stdout), run: run),
                         stderr: OutputTarget(.terminal(.stderr), run: run))
        let status = runSource(source, io: io, lab: &lab, reportSyntax: syntaxReporter(io.stderr))
        if let failure = run.failure {
            run.sink.write(failure + "\n", to: .stderr)
            lab.machine.shell.lastStatus = 1
            return ShellOutcome(status: 1, exited: false, limitExceeded: failure, commands: run.commands)
        }
        let exited = exitStatus != nil
        let final = exitStatus ?? status
        lab.machine.shell.lastStatus = final
        var outcome = ShellOutcome(status: final, exited: exited, commands: run.commands)
        outcome.serving = run.serving
        return outcome
    }

    /// Prints a syntax error as bash does for this origin.
    func syntaxReporter(_ stderr: OutputTarget) -> (ShellSyntaxError) -> Void {
        let origin = self.origin
        let child = childShell
        return { error in
            let echo: Bool
            if case .unexpectedToken = error.kind { echo = true } else { echo = false }
            switch child ? .commandString : origin {
            case .commandString:
                stderr.write("bash: -c: line \(error.line): \(error.message)\n")
                if echo { stderr.write("bash: -c: line \(error.line): `\(error.lineText)'\n") }
            case .file(let path):
                stderr.write("\(path): line \(error.line): \(error.message)\n")
                if echo { stderr.write("\(path): line \(error.line): `\(error.lineText)'\n") }
            case .standardInput:
                stderr.write("bash: \(error.message)\n")
                if echo { stderr.write("bash: `\(error.lineText)'\n") }
            case .interactive:
                stderr.write("bash: \(error.message)\n")
            }
        }
    }

    /// Parses and runs source one complete command at a time; a syntax error stops it with status 2.
    func runSource(_ source: String, io: ShellIO, lab: inout Lab, reportSyntax: (ShellSyntaxError) -> Void) -> Int32 {
        var parser = ShellParser(source)
        let savedDocuments = hereDocuments
        defer { hereDocuments = savedDocuments }
        var status: Int32 = lab.currentShell.lastStatus
        var warned = 0
        func warn() {
            while warned < parser.warnings.count {
                let saved = currentLine
                currentLine = parser.warnings[warned].line
                io.stderr.write(diagnosticPrefix + parser.warnings[warned].message + "\n")
                currentLine = saved
                warned += 1
            }
        }
        // One line of simple commands (the commonest source) goes through the parser's fast path
        // first, which builds the same list the full parser would, or gives up.
        if !stopped {
            if let script = parser.fastScript() {
                warn()
                hereDocuments = parser.hereDocuments
                for list in script.commands where !stopped { status = execute(list, io: io, lab: &lab) }
            } else {
                // The fast path gave up part way: the full parser starts over.
                parser = ShellParser(source)
            }
        }
        while !stopped {
            do {
                let next = try parser.nextCompleteCommand()
                warn()
                guard let list = next else { break }
                hereDocuments = parser.hereDocuments
                status = execute(list, io: io, lab: &lab)
            } catch {
                warn()
                reportSyntax(error)
                // An unterminated quote keeps a failing $? (bash's quirk); everything else is 2.
                var code: Int32 = error.inCommandSubstitution ? 127 : 2
                if case .unmatched(let quote) = error.kind, quote == "'" || quote == "\"" || quote == "`",
                   lab.currentShell.lastStatus != 0 {
                    code = lab.currentShell.lastStatus
                }
                lab.machine.shell.lastStatus = code
                return code
            }
        }
        return status
    }

    // MARK: Lists and pipelines

    func execute(_ list: ShellList, io: ShellIO, lab: inout Lab) -> Int32 {
        var status = lab.currentShell.lastStatus
        for item in list.items {
            if stopped { break }
            status = execute(item, io: io, lab: &lab)
            // set -e: a failure that is not tested by if/while/&&/||/! ends the shell.
            if status != 0 && options.errexit && conditionDepth == 0 && !lastFailureTested && !stopped {
                exitStatus = status
            }
        }
        return status
    }

    func execute(_ andOr: ShellAndOr, io: ShellIO, lab: inout Lab) -> Int32 {
        if andOr.rest.isEmpty {
            let status = execute(andOr.first, io: io, lab: &lab)
            lastFailureTested = andOr.first.negated
            return status
        }
        conditionDepth += 1
        var status = execute(andOr.first, io: io, lab: &lab)
        var tested = true
        for (index, (connector, pipeline)) in andOr.rest.enumerated() {
            if stopped { break }
            switch connector {
            case .and where status != 0: continue
            case .or where status == 0: continue
            default:
                let last = index == andOr.rest.count - 1
                if last { conditionDepth -= 1 }
                status = execute(pipeline, io: io, lab: &lab)
                if last { conditionDepth += 1; tested = pipeline.negated }
            }
        }
        conditionDepth -= 1
        lastFailureTested = tested
        return status
    }

    func execute(_ pipeline: ShellPipeline, io: ShellIO, lab: inout Lab) -> Int32 {
        var status: Int32
        if pipeline.commands.count == 1 {
            status = execute(pipeline.commands[0], io: io, lab: &lab)
        } else {
            // Stages run one after another, each in a copy of the shell's state, with the
            // previous stage's output as input.
            var input = io.stdin
            status = 0
            var failed: Int32 = 0
            // Real stages start together, so bash's "command not found" for a later stage
            // usually comes before anything an earlier program says: report those first.
            var notFound = Set<Int>()
            for (i, command) in pipeline.commands.enumerated() where i > 0 {
                guard case .simple(let simple) = command, simple.assignments.isEmpty, simple.redirections.isEmpty,
                      let name = simple.words.first?.plainText, !isCommand(name, lab: lab) else { continue }
                run.commands += 1
                currentLine = simple.line
                io.stderr.write(notFoundMessage(name))
                notFound.insert(i)
            }
            for (i, command) in pipeline.commands.enumerated() {
                if run.failure != nil { break }
                let last = i == pipeline.commands.count - 1
                if notFound.contains(i) {
                    status = 127
                    failed = 127
                    input = ShellInput("")
                    continue
                }
                let out = last ? io.stdout : OutputTarget(.buffer, run: run)
                let saved = lab.machine.shell
                let savedExit = exitStatus
                exitStatus = nil
                status = execute(command, io: ShellIO(stdin: input, stdout: out, stderr: io.stderr), lab: &lab)
                if let code = exitStatus { status = code }
                exitStatus = savedExit
                lab.machine.shell = saved
                if status != 0 { failed = status }
                input = ShellInput(out.text)
            }
            if options.pipefail && status == 0 { status = failed }
        }
        if pipeline.negated { status = status == 0 ? 1 : 0 }
        lab.machine.shell.lastStatus = status
        return status
    }

    func execute(_ command: ShellCommandNode, io: ShellIO, lab: inout Lab) -> Int32 {
        switch command {
        case .simple(let simple):
            return execute(simple, io: io, lab: &lab)
        case .functionDefinition(let name, let body, _):
            lab.machine.shell.variables[Self.functionKey(name)] = body
            lab.machine.shell.lastStatus = 0
            return 0
        case .conditional(let words, let line):
            run.commands += 1
            currentLine = line
            let status: Int32
            do {
                var evaluator = ConditionalEvaluator(words: words[...], interpreter: self, io: io)
                status = try evaluator.evaluate(lab: &lab) ? 0 : 1
            } catch {
                status = fail(error, io: io, lab: &lab)
            }
            lab.machine.shell.lastStatus = status
            return status
        case .ifClause(_, let redirections, let line), .forLoop(_, let redirections, let line),
             .whileLoop(_, let redirections, let line):
            currentLine = line
            var local = io
            var files: [OutputTarget] = []
            if let status = applyRedirections(redirections, io: &local, files: &files, lab: &lab) { return status }
            let status = executeCompound(command, io: local, lab: &lab)
            flush(files, lab: &lab)
            lab.machine.shell.lastStatus = status
            return status
        case .subshell(let list, let redirections, let line), .group(let list, let redirections, let line):
            currentLine = line
            var local = io
            var files: [OutputTarget] = []
            if let status = applyRedirections(redirections, io: &local, files: &files, lab: &lab) { return status }
            let isSubshell: Bool
            if case .subshell = command { isSubshell = true } else { isSubshell = false }
            var status: Int32
            if isSubshell {
                guard enterNested() else { return 1 }
                let saved = lab.machine.shell
                let savedExit = exitStatus
                let savedOptions = options
                defer { options = savedOptions }
                exitStatus = nil
                status = execute(list, io: local, lab: &lab)
                if let code = exitStatus { status = code }
                exitStatus = savedExit
                lab.machine.shell = saved
                depth -= 1
            } else {
                status = execute(list, io: local, lab: &lab)
            }
            flush(files, lab: &lab)
            lab.machine.shell.lastStatus = status
            return status
        }
    }

    /// Counts one more level of nesting; false (and a failure) beyond the limit.
    func enterNested() -> Bool {
        if depth >= run.limits.maxSubstitutionDepth {
            run.failure = "lab: command substitution depth limit of \(run.limits.maxSubstitutionDepth) exceeded"
            return false
        }
        depth += 1
        return true
    }

    // MARK: Simple commands

    func execute(_ command: ShellSimpleCommand, io: ShellIO, lab: inout Lab) -> Int32 {
        run.commands += 1
        if run.commands > run.limits.maxCommands {
            run.failure = "lab: command limit of \(run.limits.maxCommands) commands exceeded"
            return 1
        }
        if run.commands % ShellLimits.checkInterval == 0, let reason = run.limits.exceeded(by: lab) {
            run.failure = reason
            return 1
        }
        currentLine = command.line
        substitutionStatus = nil
        let fields: [String]
        do {
            fields = try expandFields(command.words, io: io, lab: &lab)
        } catch {
            return fail(error, io: io, lab: &lab)
        }
        if stopped { return 1 }
        if fields.isEmpty {
            // Assignments (and redirections) only: they change the shell itself.
            var status = substitutionStatus ?? 0
            for (name, word) in command.assignments {
                do {
                    let value = try expandString(word, io: io, lab: &lab)
                    lab.machine.shell.variables[name] = value
                    if options.xtrace { io.stderr.write("+ " + name + "=" + ShellOptions.traceQuote(value) + "\n") }
                } catch {
                    return fail(error, io: io, lab: &lab)
                }
            }
            status = substitutionStatus ?? status
            var local = io
            var files: [OutputTarget] = []
            if let failed = applyRedirections(command.redirections, io: &local, files: &files, lab: &lab) { status = failed }
            flush(files, lab: &lab)
            lab.machine.shell.lastStatus = status
            return status
        }
        var environment = lab.machine.shell.programEnvironment()
        for (name, word) in command.assignments {
            do {
                environment[name] = try expandString(word, io: io, lab: &lab)
            } catch {
                return fail(error, io: io, lab: &lab)
            }
        }
        var local = io
        var files: [OutputTarget] = []
        if let failed = applyRedirections(command.redirections, io: &local, files: &files, lab: &lab) {
            lab.machine.shell.lastStatus = failed
            return failed
        }
        if options.xtrace {
            var trace = "+"
            for (name, _) in command.assignments { trace += " " + name + "=" + ShellOptions.traceQuote(environment[name] ?? "") }
            for field in fields { trace += " " + ShellOptions.traceQuote(field) }
            io.stderr.write(trace + "\n")
        }
        let status = runProgram(fields, environment: environment, stdin: local.stdin,
                                stdout: local.stdout, stderr: local.stderr, lab: &lab)
        flush(files, lab: &lab)
        lab.machine.shell.lastStatus = status
        return status
    }

    /// Reports an expansion error (`bad substitution`) with status 1.
    func fail(_ error: Error, io: ShellIO, lab: inout Lab) -> Int32 {
        var status: Int32 = 1
        if let expansion = error as? ShellExpansionError {
            io.stderr.write(diagnosticPrefix + expansion.message + "\n")
            status = expansion.status
            // A non-interactive bash exits on an expansion error.
            if origin != .interactive || childShell { exitStatus = status }
        }
        lab.machine.shell.lastStatus = status
        return status
    }
}
