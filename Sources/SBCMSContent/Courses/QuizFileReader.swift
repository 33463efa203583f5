import SBCMSCore
import SBCMSSource

/// A quiz file after it was read and checked. The answers were checked and are not kept.
struct QuizSpec: Sendable {
    struct Question: Sendable {
        var id: String
        var kind: QuizQuestionKind
        var prompt: String
        var promptNode: YAMLNode
        var choices: [String]
    }

    var passScore: Int
    var questions: [Question]
    var lines: [Substring]
}

/// Reads a quiz file: `pass_score` and `questions` with `id`, `kind`, `prompt`, `choices`,
/// `answer` and `explanation`. Every answer must name choices that exist.
struct QuizFileReader {
    let site: SiteConfig

    static let knownKeys: Set<String> = ["pass_score", "questions"]
    static let questionKeys: Set<String> = ["id", "kind", "prompt", "choices", "answer", "explanation"]
    static let trueFalseChoices = ["True", "False"]
    /// `pass_score` when the file gives none.
    static let defaultPassScore = 70

    func read(_ file: SourceFile) -> (QuizSpec?, [Diagnostic]) {
        let (yaml, readDiagnostics) = CourseYAML.read(file, site: site, what: "quiz file")
        guard let yaml else { return (nil, readDiagnostics) }
        let location = SourceLocation(site: site.id, file: file.displayPath)
        var reader = FieldReader(map: yaml.map, location: location, mapLine: 1, what: "quiz file")
        var passScore = Self.defaultPassScore
        if let score = reader.int("pass_score", example: "70"), let node = yaml.map["pass_score"] {
            if (0...100).contains(score) {
                passScore = score
            } else {
                reader.report(.error("invalid-value", at: reader.location(of: node),
                                     "`pass_score` must be between 0 and 100 (percent), found \(score)",
                                     hint: "write e.g. `pass_score: 70`"))
            }
        }
        if yaml.map["questions"] == nil {
            reader.report(.error("missing-key", at: location.at(line: 1, column: 1),
                                 "quiz file has no `questions`, which is required",
                                 hint: "add `questions:` with at least one question"))
        }
        var questions: [QuizSpec.Question] = []
        var seen: [String: Int] = [:]
        for (map, node) in CourseYAML.maps("questions", in: &reader, example: "{ id: q1, kind: single, prompt: ..., choices: [...], answer: 0 }") {
            var questionReader = FieldReader(map: map, location: location, mapLine: node.line, what: "question")
            if let question = readQuestion(&questionReader, node: node) {
                if CourseYAML.claim(question.id, "question", map: map, node: node, seen: &seen, reader: &questionReader,
                                    hint: "give every question of the quiz its own id") {
                    questions.append(question)
                }
            }
            for diagnostic in questionReader.diagnostics { reader.report(diagnostic) }
        }
        if questions.isEmpty, let node = yaml.map["questions"], !reader.diagnostics.containsErrors {
            reader.report(.error("invalid-value", at: reader.location(of: node), "the quiz has no questions",
                                 hint: "add at least one question under `questions:`"))
        }
        CourseYAML.warnUnknown(&reader, known: Self.knownKeys)
        guard !reader.diagnostics.containsErrors else { return (nil, reader.diagnostics) }
        return (QuizSpec(passScore: passScore, questions: questions, lines: yaml.lines), reader.diagnostics)
    }

    private func readQuestion(_ reader: inout FieldReader, node: YAMLNode) -> QuizSpec.Question? {
        let entry = reader.location(of: node)
        let id = CourseYAML.slug("id", in: &reader, at: node, example: "q1")
        let kind = reader.map["kind"] == nil ? .single
            : reader.choice("kind", in: QuizQuestionKind.allCases.map(\.rawValue)).flatMap(QuizQuestionKind.init(rawValue:))
        let prompt = CourseYAML.required("prompt", in: &reader, at: node, example: "What does `let` declare?")
        _ = reader.string("explanation")
        var choices: [String]?
        if let kind {
            choices = readChoices(&reader, kind: kind, entry: entry)
            if let choices { checkAnswer(&reader, kind: kind, choices: choices, entry: entry) }
        }
        CourseYAML.warnUnknown(&reader, known: Self.questionKeys)
        guard let id, let kind, let prompt, let choices, let promptNode = reader.map["prompt"],
              !reader.diagnostics.containsErrors else { return nil }
        return QuizSpec.Question(id: id, kind: kind, prompt: prompt, promptNode: promptNode, choices: choices)
    }

    private func readChoices(_ reader: inout FieldReader, kind: QuizQuestionKind, entry: SourceLocation) -> [String]? {
        guard let node = reader.map["choices"], node.value != .null else {
            if kind == .trueFalse { return Self.trueFalseChoices }
            reader.report(.error("missing-key", at: entry, "question has no `choices`, which is required",
                                 hint: "add `choices: [first, second, third]`"))
            return nil
        }
        let before = reader.diagnostics.count
        let choices = reader.stringList("choices")
        guard reader.diagnostics.count == before else { return nil }
        if kind == .trueFalse, choices != Self.trueFalseChoices {
            reader.report(.error("invalid-choices", at: reader.location(of: node),
                                 "a true_false question has the choices [\"True\", \"False\"], found [\(choices.joined(separator: ", "))]",
                                 hint: "remove `choices:` (the default is True, False) or use `kind: single`"))
            return nil
        }
        if choices.count < 2 {
            reader.report(.error("invalid-choices", at: reader.location(of: node),
                                 "a question needs at least two choices, found \(choices.count)",
                                 hint: "write `choices: [first, second]`"))
            return nil
        }
        return choices
    }

    /// The answer must name existing choices: an index, or for `multiple` a non-empty list of
    /// distinct indexes. Nothing of it is kept.
    private func checkAnswer(_ reader: inout FieldReader, kind: QuizQuestionKind, choices: [String], entry: SourceLocation) {
        let range = "0 to \(choices.count - 1)"
        guard let node = reader.map["answer"], node.value != .null else {
            reader.report(.error("missing-key", at: entry, "question has no `answer`, which is required",
                                 hint: kind == .multiple ? "add `answer: [0, 2]` (0-based indexes of the right choices)"
                                     : "add `answer: 0` (the 0-based index of the right choice)"))
            return
        }
        func checkIndex(_ item: YAMLNode) -> Int? {
            guard case .int(let index) = item.value else {
                reader.report(.error("invalid-answer", at: reader.location(of: item),
                                     "an answer is the 0-based index of a choice, found \(item.value.typeDescription)",
                                     hint: "write the choice's position, \(range)"))
                return nil
            }
            guard choices.indices.contains(index) else {
                reader.report(.error("invalid-answer", at: reader.location(of: item),
                                     "answer \(index) is not a choice: the question has \(choices.count) choices (\(range))",
                                     hint: "answers count choices from 0"))
                return nil
            }
            return index
        }
        switch kind {
        case .single, .trueFalse:
            if case .list = node.value {
                reader.report(.error("invalid-answer", at: reader.location(of: node),
                                     "a \(kind.rawValue) question has one answer, found a list",
                                     hint: "write one index, e.g. `answer: 0`, or use `kind: multiple`"))
                return
            }
            _ = checkIndex(node)
        case .multiple:
            guard case .list(let items) = node.value else {
                reader.report(.error("invalid-answer", at: reader.location(of: node),
                                     "a multiple question's answer is a list of choice indexes, found \(node.value.typeDescription)",
                                     hint: "write e.g. `answer: [0, 2]`"))
                return
            }
            guard !items.isEmpty else {
                reader.report(.error("invalid-answer", at: reader.location(of: node),
                                     "a multiple question's answer lists at least one choice",
                                     hint: "write e.g. `answer: [0, 2]`"))
                return
            }
            var seen: Set<Int> = []
            for item in items {
                guard let index = checkIndex(item) else { continue }
                if !seen.insert(index).inserted {
                    reader.report(.error("invalid-answer", at: reader.location(of: item),
                                         "choice \(index) is listed twice in the answer",
                                         hint: "list each right choice once"))
                }
            }
        }
    }
}
