/// Redirections to and from the virtual filesystem.
extension ShellInterpreter {
    // MARK: Redirections

    /// Applies redirections left to right; on failure prints bash's message and returns 1.
    func applyRedirections(_ redirections: [ShellRedirection], io: inout ShellIO, files: inout [OutputTarget],
                           lab: inout Lab) -> Int32? {
        for r in redirections {
            let target: String
            do {
                switch r.operation {
                case .hereDocument(let index):
                    let body = index < hereDocuments.count ? hereDocuments[index] : ShellWord(parts: [])
                    target = try expandString(body, io: io, lab: &lab)
                default:
                    target = try expandString(r.target, io: io, lab: &lab)
                }
            } catch {
                return fail(error, io: io, lab: &lab)
            }
            let cwd = lab.machine.shell.workingDirectory
            switch r.operation {
            case .hereDocument:
                if r.descriptor == 0 { io.stdin = ShellInput(target) }
            case .hereString:
                if r.descriptor == 0 { io.stdin = ShellInput(target + "\n") }
            case .input, .readWrite:
                let path = VirtualFileSystem.normalise(target, cwd: cwd)
                switch lab.machine.files.node(at: path) {
                case .file(let text)?:
                    if r.descriptor == 0 { io.stdin = ShellInput(text) }
                case .directory?:
                    if r.descriptor == 0 { io.stdin = ShellInput("") }
                case nil:
                    if case .readWrite = r.operation {
                        try? lab.machine.files.write("", to: path)
                    } else {
                        let (message, status) = openFailure(target)
                        io.stderr.write(message)
                        return status
                    }
                }
            case .duplicateInput:
                break
            case .output, .append, .bothOutput, .bothAppend:
                let out: OutputTarget
                if target == "/dev/null" {
                    out = OutputTarget(.discard, run: run)
                } else if target == "/dev/stdout" {
                    out = io.stdout
                } else if target == "/dev/stderr" {
                    out = io.stderr
                } else {
                    let path = VirtualFileSystem.normalise(target, cwd: cwd)
                    let append: Bool
                    switch r.operation { case .append, .bothAppend: append = true; default: append = false }
                    do {
                        try lab.machine.files.write("", to: path, append: append)
                    } catch {
                        let (message, status) = createFailure(target, error)
                        io.stderr.write(message)
                        return status
                    }
                    out = OutputTarget(.buffer, run: run, filePath: path)
                    files.append(out)
                }
                switch r.operation {
                case .bothOutput, .bothAppend:
                    io.stdout = out
                    io.stderr = out
                default:
                    if r.descriptor == 1 { io.stdout = out } else if r.descriptor == 2 { io.stderr = out }
                }
            case .duplicateOutput:
                let source: OutputTarget?
                switch target {
                case "1": source = io.stdout
                case "2": source = io.stderr
                case "-": source = OutputTarget(.discard, run: run)
                default: source = nil
                }
                if let source {
                    if r.descriptor == 1 { io.stdout = source } else if r.descriptor == 2 { io.stderr = source }
                } else if Int(target) != nil {
                    io.stderr.write(diagnosticPrefix + target + ": Bad file descriptor\n")
                    return 1
                } else {
                    // `>&file` is `&>file`.
                    let both = ShellRedirection(descriptor: 1, operation: .bothOutput,
                                                target: ShellWord(parts: [.literal(target, quoted: true)]))
                    if let status = applyRedirections([both], io: &io, files: &files, lab: &lab) { return status }
                }
            }
        }
        return nil
    }

    /// Appends what redirected files collected to the virtual filesystem.
    func flush(_ files: [OutputTarget], lab: inout Lab) {
        for file in files {
            guard let path = file.filePath, !file.text.isEmpty else { continue }
            try? lab.machine.files.write(file.text, to: path, append: true)
            file.text = ""
        }
    }
}
