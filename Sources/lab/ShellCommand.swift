import ArgumentParser
import Exercises
import Foundation
import LabCore

/// `lab sh`: runs shell lines on the simulated host, from -c, a file, or an interactive prompt.
struct ShellCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sh",
        abstract: "Run shell lines on the simulated Docker host.",
        discussion: "With neither -c nor FILE on a terminal, opens an interactive prompt with line editing and history.")

    @OptionGroup var store: StoreOptions

    @Option(name: .long, help: "Load and save this session's lab (default: the current session).")
    var session: String?

    @Flag(name: .long, help: "Start from a new, empty host and save nothing.")
    var fresh = false

    @Option(help: "How many machines (node1…nodeN) a new session's lab has (1 to 9).")
    var nodes: Int?

    @Option(name: .customShort("c"), help: ArgumentHelp("Run this command line and exit.", valueName: "line"))
    var command: String?

    @Argument(help: "A file of shell lines to run.")
    var file: String?

    func validate() throws {
        if fresh && session != nil { throw ValidationError("--fresh and --session cannot be used together") }
        if command != nil && file != nil { throw ValidationError("give either -c LINE or FILE, not both") }
        if let nodes, !(1...9).contains(nodes) { throw ValidationError("--nodes takes 1 to 9 machines") }
    }

    func run() throws {
        let source: String?
        let origin: ShellOrigin
        if let command {
            source = command
            origin = .commandString
        } else if let file {
            guard let data = FileManager.default.contents(atPath: file) else {
                throw LabFailure("cannot read \(file): no such file or not readable")
            }
            source = String(decoding: data, as: UTF8.self)
            origin = .file(file)
        } else {
            source = nil
            origin = .interactive
        }

        var sessionStore: (LabStore, String)?
        var lab = Lab(nodes: nodes ?? 1)
        if !fresh {
            let store = try store.open()
            let name = try session ?? store.currentSession()
            do {
                if let saved = try store.loadLab(session: name) {
                    if let nodes, nodes != saved.machines.count {
                        throw LabFailure("session \(name) has \(saved.machines.count) machine\(saved.machines.count == 1 ? "" : "s"); --nodes is for a new lab (--fresh, or another --session)")
                    }
                    lab = saved
                }
            } catch let failure as LabFailure { throw failure } catch { throw LabFailure("\(error)") }
            sessionStore = (store, name)
        }

        let terminal = TerminalOutput()
        let runner = LabShell(terminalAttached: LineEditor.stdinIsTerminal)
        let status: Int32
        if let source {
            let prompt = LabShell.prompt(lab)
            status = runner.run(source, origin: origin, lab: &lab, output: terminal).status
            try save(lab, to: sessionStore, line: source, status: status, prompt: prompt)
        } else if LineEditor.isInteractive {
            status = try interactive(runner: runner, lab: &lab, session: sessionStore, terminal: terminal)
        } else {
            // Standard input is not a terminal: read it whole, as `bash < script` does.
            let input = String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self)
            let prompt = LabShell.prompt(lab)
            status = runner.run(input, origin: .file("bash"), lab: &lab, output: terminal).status
            try save(lab, to: sessionStore, line: input, status: status, prompt: prompt)
        }
        throw ExitCode(status)
    }

    private func save(_ lab: Lab, to session: (LabStore, String)?, line: String, status: Int32, prompt: String) throws {
        guard let (store, name) = session else { return }
        do {
            try store.saveLab(lab, session: name)
            try store.appendHistory(session: name, machine: lab.machine.hostname, line: line, status: status, prompt: prompt)
        } catch { throw LabFailure("\(error)") }
    }

    private func interactive(runner: LabShell, lab: inout Lab, session: (LabStore, String)?, terminal: TerminalOutput) throws -> Int32 {
        let history = (try? session.map { try $0.0.history(session: $0.1) }) ?? []
        let editor = LineEditor(history: history ?? [])
        var status: Int32 = 0
        while true {
            var text = ""
            var prompt = LabShell.prompt(lab)
            var line: String?
            reading: while true {
                switch editor.readLine(prompt: prompt) {
                case .line(let part):
                    text += text.isEmpty ? part : "\n" + part
                    if Shell.needsMoreInput(text) { prompt = "> "; continue reading }
                    line = text
                    break reading
                case .interrupted:
                    line = nil
                    text = ""
                    break reading
                case .endOfInput:
                    terminal.write("exit\n", to: .stdout)
                    return lab.machine.shell.lastStatus
                }
            }
            guard let line, !line.allSatisfy({ $0 == " " || $0 == "\t" }) else { continue }
            let typedAt = LabShell.prompt(lab)
            let outcome = runner.run(line, origin: .interactive, lab: &lab, output: terminal)
            status = outcome.status
            try save(lab, to: session, line: line, status: status, prompt: typedAt)
            if outcome.exited { return status }
        }
    }

}

/// Writes simulated output straight to the `lab` process's own standard output and error.
final class TerminalOutput: OutputSink {
    func write(_ text: String, to stream: LabCore.OutputStream) {
        let handle = stream == .stdout ? FileHandle.standardOutput : FileHandle.standardError
        handle.write(Data(text.utf8))
    }
}
