/// `docker save` (-o FILE, or standard output when it is not a terminal) and `docker load`
/// (-i FILE, or standard input), with the client's refusals (docker 28.2.2 client, this machine).
enum SaveLoadCommands {
    static func save(_ i: DockerInvocation, _ p: inout ProcessContext, _ s: inout DaemonSession) -> Int32 {
        let output = i.value("output")
        if output == nil && p.stdoutIsTerminal {
            p.writeError("cowardly refusing to save to a terminal. Use the -o flag or redirect\n")
            return 1
        }
        if let output, output.contains("/") {
            // The folder as written (Go's filepath.Dir), checked before the daemon is asked.
            let folder = output.hasPrefix("/") && output.dropFirst().firstIndex(of: "/") == nil ? "/" : String(output[..<output.lastIndex(of: "/")!])
            if !s.files.isDirectory(p.resolve(folder)) { p.writeError(ClientMessages.saveOutputFolderMissing(folder)); return 1 }
        }
        let data: String
        do { data = try s.engine.saveArchive(i.arguments) } catch {
            p.writeError("Error response from daemon: \(error.message)\n")
            return 1
        }
        guard let output else { p.write(data); return 0 }
        do { try s.files.write(data, to: p.resolve(output)) } catch {
            // The folder exists (checked above): the path is a folder or read-only (lab wording).
            p.writeError("lab: cannot write \(output): \(error.text)\n")
            return 1
        }
        return 0
    }

    static func load(_ i: DockerInvocation, _ p: inout ProcessContext, _ s: inout DaemonSession) -> Int32 {
        let text: String
        if let input = i.value("input") {
            guard let contents = s.files.contents(of: p.resolve(input)) else {
                p.writeError("open \(input): no such file or directory\n")
                return 1
            }
            text = contents
        } else {
            text = p.stdin
            if text.isEmpty {
                p.writeError("requested load from stdin, but stdin is empty\n")
                return 1
            }
        }
        do {
            let lines = try s.engine.loadArchive(text, now: s.now)
            p.write(lines.map { $0 + "\n" }.joined())
            return 0
        } catch {
            p.writeError(error.message + "\n")
            return 1
        }
    }
}
