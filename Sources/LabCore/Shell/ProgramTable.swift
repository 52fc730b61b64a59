/// The programs the simulated shell can start, by name, each with the path `which` shows.
public struct ProgramTable: Sendable {
    struct Entry: Sendable {
        let program: any SimulatedProgram
        let path: String?
    }
    private var entries: [String: Entry] = [:]
    /// What `sh` is on this system: bash on the lab's host, ash in busybox images, dash in Debian's.
    public var shellDialect: ShellDialect = .bash

    /// An empty table.
    public init() {}

    /// Adds or replaces `name`, installed at `/usr/bin/name`.
    public mutating func register(_ name: String, _ program: any SimulatedProgram) {
        entries[name] = Entry(program: program, path: "/usr/bin/" + name)
    }

    /// Adds or replaces `name` at an explicit path; nil for a shell builtin with no file.
    public mutating func register(_ name: String, _ program: any SimulatedProgram, path: String?) {
        entries[name] = Entry(program: program, path: path)
    }

    /// Removes `name` (an image without that program).
    public mutating func unregister(_ name: String) { entries[name] = nil }

    /// The program registered under `name`.
    public func program(named name: String) -> (any SimulatedProgram)? { entries[name]?.program }

    /// The path `which` prints for `name`.
    public func path(of name: String) -> String? { entries[name]?.path }

    /// Every registered name, sorted.
    public var names: [String] { entries.keys.sorted() }

    /// The shell builtins and coreutils of a minimal Debian-like host (docker is added by the engine).
    public static var coreutils: ProgramTable {
        var t = ProgramTable()
        for (name, program) in Builtins.all { t.register(name, program, path: nil) }
        for (name, program) in Coreutils.all { t.register(name, program) }
        return t
    }
}
