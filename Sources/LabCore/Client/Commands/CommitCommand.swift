/// `docker commit [OPTIONS] CONTAINER [REPOSITORY[:TAG]]`: prints the new image's id.
enum CommitCommand {
    static func commit(_ i: DockerInvocation, _ p: inout ProcessContext, _ s: inout DaemonSession) -> Int32 {
        do {
            let id = try s.engine.commit(i.arguments[0], reference: i.arguments.count > 1 ? i.arguments[1] : nil,
                                         message: i.value("message") ?? "", author: i.value("author") ?? "",
                                         changes: i.values("change"), ids: &s.ids, now: s.now)
            p.write(id + "\n")
            return 0
        } catch {
            p.writeError("Error response from daemon: \(error.message)\n")
            return 1
        }
    }
}
