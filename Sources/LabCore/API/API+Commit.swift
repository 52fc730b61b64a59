/// `POST /commit?container=&repo=&tag=&comment=&author=&changes=`, behind the real client's
/// `docker commit`: the engine's commit (Engine/Build/Engine+Commit.swift, as `lab sh`'s), the
/// answer `{"Id":"sha256:…"}` with 201 (moby api/server/router/container/container_routes.go
/// `postCommit`), recorded as the `docker commit` line it stands for.
extension EngineAPI {
    static func commit(_ c: inout Context, lab: inout Lab) throws(APIError) -> APIResponse {
        let r = c.request
        guard let container = r.value("container"), !container.isEmpty else { throw .notFound("No such container: ") }
        let repo = r.value("repo") ?? "", tag = r.value("tag") ?? ""
        let reference: String? = repo.isEmpty ? nil : tag.isEmpty ? repo : repo + ":" + tag
        let message = r.value("comment") ?? "", author = r.value("author") ?? ""
        let changes = r.values("changes").filter { !$0.isEmpty }
        let id = try engine(&lab) { (s: inout DaemonSession) throws(EngineError) -> String in
            try s.engine.commit(container, reference: reference, message: message, author: author, changes: changes, ids: &s.ids, now: s.now)
        }
        var words = ["docker", "commit"]
        if !message.isEmpty { words += ["-m", message] }
        if !author.isEmpty { words += ["-a", author] }
        for change in changes { words += ["-c", change] }
        c.record(APIHistory.line(words + [container] + (reference.map { [$0] } ?? [])))
        return .json(["Id": .string(id)], status: 201)
    }
}
