/// `docker exec` through the API: `POST /containers/{id}/exec` makes an exec instance,
/// `POST /exec/{id}/start` runs it (on a hijacked connection unless detached, its output in the
/// multiplexed stream) and `GET /exec/{id}/json` gives its exit code, as the client reads them.
/// The program runs at once, as `lab sh` runs it (ContainerRuntime); a TTY or standard input is
/// not carried over the connection (phase 1 of issue 9).
extension EngineAPI {
    /// An exec instance the API made, until the engine stops serving.
    struct ExecInstance: Sendable {
        var id: String
        var containerID: String
        var argv: [String]
        var env: [String]
        var workingDir: String?
        var tty: Bool
        /// Whether it reads the client's input (`docker exec -i`).
        var stdin = false
        var exitCode: Int32?
    }

    /// `POST /containers/{id}/exec`.
    mutating func createExec(_ reference: String, _ c: inout Context, lab: inout Lab) throws(APIError) -> APIResponse {
        let body = try c.request.jsonBody() ?? .object(JSONObject())
        guard let argv = ContainerCreateBody.strings(body["Cmd"]), !argv.isEmpty else { throw .invalid("No exec command specified") }
        let exec = try Self.withEngine(&lab) { (s: inout DaemonSession) throws(APIError) -> ExecInstance in
            let container = s.engine.containers[try Self.container(reference, s.engine)]
            guard container.state.running else { throw APIError(.notRunning(id: container.id)) }
            // moby daemon/errors.go, errExecPaused.
            if container.state.paused {
                throw APIError(status: 409, message: "Container \(container.id) is paused, unpause the container before exec")
            }
            // The id the lab's id source hands out next, without taking it: `lab sh` draws its
            // exec's id only when the program runs, and the start below draws it then, so the
            // two keep handing out the same ids (and this one, when the start follows at once).
            var peek = s.ids
            let id = peek.hexID()
            return ExecInstance(id: id, containerID: container.id, argv: argv, env: ContainerCreateBody.strings(body["Env"]) ?? [],
                                workingDir: ContainerCreateBody.nonEmpty(body["WorkingDir"]), tty: body["Tty"] == .bool(true),
                                stdin: body["AttachStdin"] == .bool(true))
        }
        execs[exec.id] = exec
        c.changed = true
        return .json(["Id": .string(exec.id)], status: 201)
    }

    mutating func exec(_ parts: [String], _ c: inout Context, lab: inout Lab) throws(APIError) -> APIResponse {
        guard parts.count == 2, var exec = execs[parts[0]] else {
            throw .notFound("No such exec instance: \(parts.first ?? "")")
        }
        switch (c.request.method, parts[1]) {
        case ("GET", "json"):
            return .json([
                "CanRemove": false, "ContainerID": .string(exec.containerID), "DetachKeys": "", "ExitCode": .int(Int64(exec.exitCode ?? 0)),
                "ID": .string(exec.id), "OpenStderr": true, "OpenStdin": .bool(exec.stdin), "OpenStdout": true, "ProcessConfig": [
                    "arguments": .array(exec.argv.dropFirst().map { .string($0) }), "entrypoint": .string(exec.argv[0]),
                    "privileged": false, "tty": .bool(exec.tty),
                ], "Running": .bool(terminals[exec.id] != nil), "Pid": 0,
            ])
        case ("POST", "resize"): return APIResponse(status: 200)
        case ("POST", "start"):
            let detach = (try c.request.jsonBody())?["Detach"] == .bool(true)
            if exec.stdin && !detach { return try startInteractive(exec, &c, lab: &lab) }
            let (chunks, status) = try Self.withEngine(&lab) { (s: inout DaemonSession) throws(APIError) -> ([(OutputStream, String)], Int32) in
                let i = try Self.container(exec.containerID, s.engine)
                if let error = ContainerRuntime.checkExecutable(exec.argv[0], container: s.engine.containers[i], engine: s.engine) {
                    // moby api/server/router/container/exec.go: a failed start is written on the stdout stream.
                    let exe = exec.argv[0]
                    let why = if case .executableNotFound = error { "executable file not found in $PATH" } else { "permission denied" }
                    return ([(.stdout, "OCI runtime exec failed: exec failed: unable to start container process: exec: \"\(exe)\": \(why): unknown\r\n")], 126)
                }
                let outcome = ContainerRuntime.run(exec.argv, container: i, engine: &s.engine, hostFiles: &s.files, now: s.now,
                                                   extraEnv: exec.env, workingDir: exec.workingDir, stdin: "")
                // Drawn where `lab sh` draws its exec's id, so the ids that follow stay the same.
                let drawn = s.ids.hexID()
                s.engine.recordEvents(EngineEvent.exec(s.engine.containers[i], argv: exec.argv, execID: drawn, exitCode: outcome.status, time: s.now))
                return (outcome.chunks, outcome.status)
            }
            exec.exitCode = status
            execs[exec.id] = exec
            let name = (try? lab.machine.engine.containerIndex(exec.containerID)).map { lab.machine.engine.containers[$0].name } ?? exec.containerID
            c.record(APIHistory.line(["docker", "exec"] + (detach ? ["-d"] : []) + [name] + exec.argv))
            if detach { return APIResponse(status: 200) }
            var body: [UInt8] = []
            for (stream, text) in chunks { body += exec.tty ? Array(text.utf8) : MultiplexedStream.frame(stream, text) }
            var response = APIResponse(status: 101, headers: [("Content-Type", "application/vnd.docker.raw-stream"),
                                                             ("Connection", "Upgrade"), ("Upgrade", "tcp")], body: body)
            response.upgrade = true
            // Nothing more comes: the stream ends with the first poll.
            response.stream = APIStream(kind: .output(stdout: true, stderr: true, timestamps: false), containerID: "", runningAtStart: true)
            return response
        default: throw .notFound("page not found")
        }
    }

    /// `POST /exec/{id}/start` of an exec that reads the client's input: the connection is
    /// upgraded and the process runs as the input comes (`APITerminal`).
    mutating func startInteractive(_ exec: ExecInstance, _ c: inout Context, lab: inout Lab) throws(APIError) -> APIResponse {
        let (container, eventID) = try Self.withEngine(&lab) { (s: inout DaemonSession) throws(APIError) -> (Container, String) in
            let i = try Self.container(exec.containerID, s.engine)
            if let error = ContainerRuntime.checkExecutable(exec.argv[0], container: s.engine.containers[i], engine: s.engine) { throw APIError(error) }
            // Drawn where `lab sh` draws its exec's id, so the ids that follow stay the same.
            let drawn = s.ids.hexID()
            s.engine.recordEvents(Array(EngineEvent.exec(s.engine.containers[i], argv: exec.argv, execID: drawn, exitCode: 0, time: s.now).prefix(2)))
            return (s.engine.containers[i], drawn)
        }
        var terminal = APITerminal(container: container, argv: exec.argv, tty: exec.tty, endsContainer: false, execID: exec.id,
                                   env: exec.env, workingDir: exec.workingDir)
        terminal.eventID = eventID
        terminals[exec.id] = terminal
        c.record(APIHistory.line(["docker", "exec", exec.tty ? "-it" : "-i", container.name] + exec.argv))
        var response = APIResponse(status: 101, headers: [("Content-Type", "application/vnd.docker.raw-stream"),
                                                         ("Connection", "Upgrade"), ("Upgrade", "tcp")])
        response.upgrade = true
        var stream = APIStream(kind: .terminal, containerID: container.id, runningAtStart: true)
        stream.terminal = exec.id
        response.stream = stream
        return response
    }
}
