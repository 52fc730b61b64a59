/// Which shell interprets the source: bash, busybox `ash` (the `sh` of alpine and busybox images)
/// or `dash` (the `sh` of Debian and Ubuntu). They run the same grammar here but word their own
/// diagnostics differently (each text recorded: bash and dash on the development machine, ash on
/// the real engine's busybox stand-in; see Tests/LabCoreTests/Fixtures/containers/).
public enum ShellDialect: Sendable, Equatable {
    case bash, ash, dash

    /// The dialect a shell program started as `name` (`sh`, `/bin/bash`, `ash`…) speaks, where
    /// `sh` is `shDialect`.
    static func of(program name: String, sh shDialect: ShellDialect) -> ShellDialect {
        let base = name.utf8.lastIndex(of: 47).map { String(name[name.index(after: $0)...]) } ?? name
        switch base {
        case "bash": return .bash
        case "ash": return .ash
        case "dash": return .dash
        default: return shDialect
        }
    }
}

extension ShellInterpreter {
    /// The message for a command that does not exist: bash's `command not found`, ash's and
    /// dash's `not found` (`sh: foo: not found`, `sh: 1: foo: not found`).
    func notFoundMessage(_ name: String) -> String {
        switch dialect {
        case .bash: return diagnosticPrefix + name + ": command not found\n"
        case .ash, .dash: return diagnosticPrefix + name + ": not found\n"
        }
    }

    /// A failed output redirection, and the status it gives.
    func createFailure(_ target: String, _ error: VirtualFileSystem.Failure) -> (String, Int32) {
        switch dialect {
        case .bash: return (diagnosticPrefix + target + ": " + error.text + "\n", 1)
        case .ash:
            let why = error == .noSuchFile ? "nonexistent directory" : error.text
            return (diagnosticPrefix + "can't create " + target + ": " + why + "\n", 1)
        case .dash:
            let why = error == .noSuchFile ? "Directory nonexistent" : error.text
            return (diagnosticPrefix + "cannot create " + target + ": " + why + "\n", 2)
        }
    }

    /// A failed input redirection from a missing file, and the status it gives.
    func openFailure(_ target: String) -> (String, Int32) {
        switch dialect {
        case .bash: return (diagnosticPrefix + target + ": No such file or directory\n", 1)
        case .ash: return (diagnosticPrefix + "can't open " + target + ": no such file\n", 1)
        case .dash: return (diagnosticPrefix + "cannot open " + target + ": No such file\n", 2)
        }
    }
}

extension ProcessContext {
    /// The dialect of the shell that started this program.
    var shellDialect: ShellDialect { interpreter.dialect }
}
