import Foundation

/// `POST /images/{name}/push?tag=`, behind the real client's `docker push`: the engine's push
/// (to a registry on this machine, Engine+Registry; or to Docker Hub as the user the client's
/// X-Registry-Auth names, DockerHub), answered with the daemon's JSON progress stream (moby
/// daemon/server/router/image/image_routes.go `postImagesPush`): a status message a line, a
/// layer's lines with its id, the pushed digest as an aux message, and a refusal as
/// `{"errorDetail":…,"error":…}` after the lines so far (the first line is written before any
/// refusal, so it always comes in the stream), which the client prints alone and exits 1 with.
extension EngineAPI {
    static func push(_ repository: String, _ c: inout Context, lab: inout Lab) throws(APIError) -> APIResponse {
        let r = c.request
        let tag = r.value("tag") ?? ""
        let reference = tag.isEmpty ? repository : repository + ":" + tag
        let user = registryUser(r.headers["x-registry-auth"])
        let (lines, error) = try withEngine(&lab) { (s: inout DaemonSession) throws(APIError) -> ([String], String?) in
            if let host = DockerEngine.registryHost(ImageName(reference).repository) { return s.engine.push(reference, host: host, now: s.now) }
            return s.engine.pushToHub(reference, user: user, hub: &s.hub)
        }
        var body: [UInt8] = []
        func send(_ message: JSONValue) { body += Array((message.compactJSON() + "\n").utf8) }
        for line in lines { send(pushMessage(line)) }
        if let error {
            send(["errorDetail": ["message": .string(error)], "error": .string(error)])
        } else {
            if let last = lines.last, let aux = pushResult(last) { send(["progressDetail": .object(JSONObject()), "aux": aux]) }
            c.record(APIHistory.line(["docker", "push", ImageName(reference).familiar]))
        }
        return APIResponse(status: 200, headers: [("Content-Type", "application/json")], body: body)
    }

    /// The user name of an X-Registry-Auth header (base64url JSON of an AuthConfig), nil when
    /// there is none (the client sends `{}` when not logged in).
    static func registryUser(_ header: String?) -> String? {
        guard var text = header, !text.isEmpty else { return nil }
        text = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while text.count % 4 != 0 { text += "=" }
        guard let data = Data(base64Encoded: text), let json = try? JSONValue(parsing: String(decoding: data, as: UTF8.self)) else { return nil }
        return ContainerCreateBody.nonEmpty(json["username"])
    }

    /// One line of a push as the daemon's message: a layer's (`ID: Preparing`) carries its id and
    /// an empty progress; the first line and the digest line are statuses alone.
    static func pushMessage(_ line: String) -> JSONValue {
        if !line.hasPrefix("The push refers to "), !line.contains(": digest: "), let colon = line.range(of: ": ") {
            return ["status": .string(String(line[colon.upperBound...])), "progressDetail": .object(JSONObject()),
                    "id": .string(String(line[..<colon.lowerBound]))]
        }
        return ["status": .string(line)]
    }

    /// The aux message of a pushed tag (`TAG: digest: DIGEST size: N`): its tag, digest and size.
    static func pushResult(_ line: String) -> JSONValue? {
        let words = line.split(separator: " ").map(String.init)
        guard words.count == 5, words[1] == "digest:", words[3] == "size:", let size = Int64(words[4]) else { return nil }
        return ["Tag": .string(String(words[0].dropLast())), "Digest": .string(words[2]), "Size": .int(size)]
    }
}
