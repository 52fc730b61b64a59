/// `lab export`'s text: a first line that names the session, then every command of its history
/// in terminal form, each after the prompt it was typed at (so lines typed inside a `docker run
/// -it` shell, or on another machine, say so), continuation lines after `> `. `Transcript`
/// reads it back as the export form.
public enum SessionExport {
    public static func text(session: String, entries: [LabStore.HistoryEntry]) -> String {
        var body = ""
        var count = 0
        for entry in entries {
            let prompt = entry.prompt ?? "root@\(entry.machine):~# "
            for command in Transcript.commands(Transcript.splitLines(entry.line)).commands {
                count += 1
                var first = true
                for line in Transcript.splitLines(command.text) {
                    body += (first ? prompt : "> ") + line + "\n"
                    first = false
                }
            }
        }
        return "\(Transcript.exportHeader) of session \(session): \(count) command\(count == 1 ? "" : "s")\n" + body
    }
}
