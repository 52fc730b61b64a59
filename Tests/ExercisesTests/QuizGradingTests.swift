import XCTest
@testable import Exercises

/// Grading each kind of item: letters, discrete options one by one, commands by what they do in
/// the simulated lab, tasks by the assignment checks.
final class QuizGradingTests: XCTestCase {
    let grader = ItemGrader()

    func item(_ id: String) throws -> QuizItem { try XCTUnwrap(try QuizFixtures.bank().item(id)) }

    func answer(_ text: String, _ item: QuizItem) throws -> QuizAnswer {
        switch QuizAnswer.read(text, for: item) {
        case .success(let a): return a
        case .failure(let why): throw why
        }
    }

    func testChoiceAnswersInAnySpelling() throws {
        let single = try item("bridge-dns"), multiple = try item("volume-kinds")
        for text in ["B", "b", " b "] { XCTAssertTrue(grader.grade(single, try answer(text, single)).correct, text) }
        XCTAssertFalse(grader.grade(single, try answer("A", single)).correct)
        for text in ["A C", "a,c", "CA", "A, C"] { XCTAssertTrue(grader.grade(multiple, try answer(text, multiple)).correct, text) }
        let partial = grader.grade(multiple, try answer("A", multiple))
        XCTAssertFalse(partial.correct)
        XCTAssertEqual(partial.feedback, "C was missed")
        XCTAssertEqual(grader.grade(multiple, try answer("A B C", multiple)).feedback, "B is not right")
        if case .success = QuizAnswer.read("E", for: single) { XCTFail("E names no option") }
        if case .success = QuizAnswer.read("AB", for: single) { XCTFail("a single choice takes one letter") }
    }

    /// Options come one at a time and stop at the first wrong answer or once the right one is affirmed.
    func testDiscreteOptionsStopAsTheExamDoes() throws {
        let discrete = try item("overlay-scope")
        XCTAssertTrue(grader.grade(discrete, try answer("n y", discrete)).correct)
        XCTAssertTrue(grader.grade(discrete, try answer("ny", discrete)).correct)
        XCTAssertEqual(ChoiceGrading.discrete(discrete, [false, true]).shown, 2)
        let early = grader.grade(discrete, try answer("y", discrete))
        XCTAssertFalse(early.correct)
        XCTAssertEqual(early.feedback, "option A is not right; you said yes")
        XCTAssertTrue(ChoiceGrading.discreteEnded(discrete, [true]))
        XCTAssertFalse(ChoiceGrading.discreteEnded(discrete, [false]))
        XCTAssertFalse(grader.grade(discrete, try answer("n n", discrete)).correct)
    }

    func testEveryRightSpellingOfACommandPasses() throws {
        let command = try item("ps-all-ids")
        for spelling in ["docker ps -aq", "docker container ls --all --quiet", "docker ps -a -q", "docker ps -qa",
                         "docker container list -aq", "docker ps --all --format '{{.ID}}'"] {
            let r = grader.grade(command, .commands(spelling))
            XCTAssertTrue(r.correct, "\(spelling): \(r.feedback)")
        }
    }

    func testAWrongCommandIsToldWhatItDidInstead() throws {
        let command = try item("ps-all-ids")
        let running = grader.grade(command, .commands("docker ps -q"))
        XCTAssertFalse(running.correct)
        XCTAssertTrue(running.feedback.hasPrefix("Your command printed:\n  "), running.feedback)
        XCTAssertTrue(running.feedback.contains("The expected command prints:\n  "), running.feedback)
        let removing = grader.grade(command, .commands("docker rm -f web"))
        XCTAssertTrue(removing.feedback.contains("It left the lab different from the expected command:\nmissing: container web exists"), removing.feedback)
        let typo = grader.grade(command, .commands("docker ps -z"))
        XCTAssertTrue(typo.feedback.contains("exited with status 125: unknown shorthand flag: 'z' in -z"), typo.feedback)
    }

    func testATaskIsGradedByItsChecksAndTheSolutionsState() throws {
        let task = try item("web-on-appnet")
        XCTAssertTrue(grader.grade(task, .commands("docker network create appnet\ndocker run -d --network appnet --name web nginx")).correct)
        XCTAssertTrue(grader.grade(task, .commands("docker network create appnet; docker run --name web -d --net=appnet nginx:latest")).correct)
        let wrong = grader.grade(task, .commands("docker run -d --name web nginx"))
        XCTAssertFalse(wrong.correct)
        XCTAssertTrue(wrong.feedback.contains("network appnet exists"), wrong.feedback)
    }

    func testAnEndlessLoopAsAnAnswerIsStopped() throws {
        let task = try item("web-on-appnet")
        let start = Date()
        XCTAssertFalse(grader.grade(task, .commands("while true; do docker ps >/dev/null; done")).correct)
        XCTAssertLessThan(Date().timeIntervalSince(start), 10)
    }

    func testTheFixtureBankIsProven() throws {
        XCTAssertEqual(BankVerifier.verify(try QuizFixtures.bank().items), [])
        var broken = try item("ps-all-ids")
        broken.rejects = ["docker ps -a -q"]
        XCTAssertEqual(BankVerifier.verify([broken]).map(\.message), ["the wrong answer `docker ps -a -q` passes"])
    }
}
