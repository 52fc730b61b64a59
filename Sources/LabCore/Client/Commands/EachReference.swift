/// How docker's commands that take several names go about them (rm, rmi, stop, kill, pause,
/// network rm, volume rm…): each name in turn, printing what it printed on success and
/// `Error response from daemon: …` for each failure; status 1 when any failed, except failures
/// the command tolerates (`rm -f` of a missing container).
enum EachReference {
    static func run(_ references: [String], _ p: inout ProcessContext, _ s: inout DaemonSession,
                    errorPrefix: (String) -> String = { _ in "" },
                    tolerated: (EngineError) -> Bool = { _ in false },
                    _ action: (inout DaemonSession, String) throws(EngineError) -> [String]) -> Int32 {
        var status: Int32 = 0
        for reference in references {
            do {
                for line in try action(&s, reference) { p.write(line + "\n") }
            } catch {
                p.writeError("Error response from daemon: " + errorPrefix(reference) + error.message + "\n")
                if !tolerated(error) { status = 1 }
            }
        }
        return status
    }
}
