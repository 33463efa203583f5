import Mustache

extension CoursePageContext: MustacheParent {
    public func child(named key: String) -> Any? {
        switch key {
        case "catalog": return catalog
        case "current": return current
        case "lesson": return lesson
        default: return nil
        }
    }
}

extension CourseSummary: MustacheParent {
    public func child(named key: String) -> Any? {
        switch key {
        case "id": return id
        case "title": return title
        case "description": return description
        case "instructor": return instructor
        case "difficulty": return difficulty
        case "difficultyLabel": return difficultyLabel
        case "durationMinutes": return durationMinutes
        case "durationText": return durationText
        case "durationISO": return durationISO
        case "lessonCount": return lessonCount
        case "lessonCountText": return lessonCountText
        case "moduleCount": return moduleCount
        case "url": return url
        case "image": return image
        case "priceText": return priceText
        case "isFree": return isFree
        case "isDraft": return isDraft
        default: return nil
        }
    }
}

extension CourseDetail: MustacheParent {
    /// The summary's fields are reachable directly: `{{course.current.title}}`.
    public func child(named key: String) -> Any? {
        switch key {
        case "modules": return modules
        case "firstLesson": return firstLesson
        case "summary": return summary
        default: return summary.child(named: key)
        }
    }
}

extension ModuleItem: MustacheParent {
    public func child(named key: String) -> Any? {
        switch key {
        case "id": return id
        case "title": return title
        case "description": return description
        case "number": return number
        case "durationText": return durationText
        case "lessons": return lessons
        case "isCurrent": return isCurrent
        default: return nil
        }
    }
}

extension LessonItem: MustacheParent {
    public func child(named key: String) -> Any? {
        switch key {
        case "id": return id
        case "title": return title
        case "type": return type
        case "typeLabel": return typeLabel
        case "url": return url
        case "position": return position
        case "durationMinutes": return durationMinutes
        case "durationText": return durationText
        case "isCurrent": return isCurrent
        default: return nil
        }
    }
}

extension LessonDetail: MustacheParent {
    /// The item's fields are reachable directly: `{{course.lesson.title}}`.
    public func child(named key: String) -> Any? {
        switch key {
        case "position": return position
        case "total": return total
        case "module": return module
        case "previous": return previous
        case "next": return next
        case "isText": return isText
        case "isVideo": return isVideo
        case "isQuiz": return isQuiz
        case "isFlashcard": return isFlashcard
        case "video": return video
        case "quiz": return quiz
        case "deck": return deck
        default: return item.child(named: key)
        }
    }
}

extension VideoContext: MustacheParent {
    public func child(named key: String) -> Any? {
        switch key {
        case "url": return url
        case "embedURL": return embedURL
        case "isEmbed": return isEmbed
        case "poster": return poster
        case "transcript": return transcript
        case "captions": return captions
        case "mimeType": return mimeType
        default: return nil
        }
    }
}

extension QuizContext: MustacheParent {
    public func child(named key: String) -> Any? {
        switch key {
        case "action": return action
        case "passScore": return passScore
        case "questionCount": return questionCount
        case "questions": return questions
        default: return nil
        }
    }
}

extension QuestionContext: MustacheParent {
    public func child(named key: String) -> Any? {
        switch key {
        case "id": return id
        case "number": return number
        case "kind": return kind
        case "isMultiple": return isMultiple
        case "inputType": return inputType
        case "fieldName": return fieldName
        case "promptHTML": return promptHTML
        case "promptInlineHTML": return promptInlineHTML
        case "promptID": return promptID
        case "choices": return choices
        default: return nil
        }
    }
}

extension ChoiceContext: MustacheParent {
    public func child(named key: String) -> Any? {
        switch key {
        case "index": return index
        case "text": return text
        case "inputID": return inputID
        default: return nil
        }
    }
}

extension DeckContext: MustacheParent {
    public func child(named key: String) -> Any? {
        switch key {
        case "count": return count
        case "cards": return cards
        default: return nil
        }
    }
}

extension CardContext: MustacheParent {
    public func child(named key: String) -> Any? {
        switch key {
        case "id": return id
        case "number": return number
        case "frontHTML": return frontHTML
        case "frontInlineHTML": return frontInlineHTML
        case "backHTML": return backHTML
        default: return nil
        }
    }
}
