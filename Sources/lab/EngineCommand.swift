import ArgumentParser
import EngineServer
import Exercises
import Foundation
import LabCore

/// `lab engine`: serves the Docker Engine API for a session's lab, so the real docker client (or
/// docker-py, or anything built on the API) drives the simulated engine. Each change is saved to
/// the session, and written to its history as the docker command that makes it.
struct EngineCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "engine",
        abstract: "Serve the Docker Engine API for a session's lab (until Ctrl-C).",
        discussion: "Then: DOCKER_HOST=unix://SOCKET docker ps")

    @OptionGroup var store: StoreOptions

    @Option(name: .long, help: ArgumentHelp("The unix socket to listen on.", valueName: "path"))
    var socket: String?

    @Option(name: .long, help: "Serve this session's lab (default: the current session).")
    var session: String?

    @Option(name: .long, help: ArgumentHelp("Also (or only) listen on this TCP address, such as 127.0.0.1:2375.", valueName: "host:port"))
    var tcp: String?

    /// The default socket: the user's runtime directory, else the temporary one.
    static var defaultSocket: String {
        let dir = ProcessInfo.processInfo.environment["XDG_RUNTIME_DIR"].flatMap { $0.isEmpty ? nil : $0 } ?? NSTemporaryDirectory()
        return (dir.hasSuffix("/") ? dir : dir + "/") + "lab-engine.sock"
    }

    func run() throws {
        let store = try store.open()
        let name = try session ?? store.currentSession()
        var lab = Lab()
        do {
            if let saved = try store.loadLab(session: name) { lab = saved }
        } catch { throw LabFailure("\(error)") }
        let socketPath = socket ?? (tcp == nil ? Self.defaultSocket : nil)
        let saver = SessionSaver(store: store, session: name)
        let server = EngineServer(lab: lab) { lab, history in saver.save(lab, history: history) }
        do { try server.start(socket: socketPath, tcp: tcp) } catch { throw LabFailure("cannot listen: \(error)") }
        for address in server.addresses {
            FileHandle.standardOutput.write(Data("Serving session \(name)'s lab on \(address): DOCKER_HOST=\(address) docker ps\n".utf8))
        }
        server.runUntilSignalled()
        FileHandle.standardOutput.write(Data("Stopped after \(server.host.requests) requests; session \(name) saved.\n".utf8))
    }
}

/// Saves a served lab to its session, with the history lines of what changed it. Used only from
/// the server's one event loop, hence `@unchecked Sendable`.
final class SessionSaver: @unchecked Sendable {
    let store: LabStore
    let session: String

    init(store: LabStore, session: String) {
        self.store = store
        self.session = session
    }

    func save(_ lab: Lab, history: [String]) {
        do {
            try store.saveLab(lab, session: session)
            for line in history {
                try store.appendHistory(session: session, machine: lab.machine.hostname, line: line, status: 0, prompt: LabShell.prompt(lab))
            }
        } catch {
            FileHandle.standardError.write(Data("lab: the session could not be saved: \(error)\n".utf8))
        }
    }
}
