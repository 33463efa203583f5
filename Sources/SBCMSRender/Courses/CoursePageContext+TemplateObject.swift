import SBCMSTemplate

extension CoursePageContext: TemplateObject {
    public func child(named key: String) -> TemplateValue? {
        switch key {
        case "catalog": return catalog.templateValue
        case "current": return current.templateValue
        case "lesson": return lesson.templateValue
        default: return nil
        }
    }
}

extension CourseSummary: TemplateObject {
    public func child(named key: String) -> TemplateValue? {
        switch key {
        case "id": return id.templateValue
        case "title": return title.templateValue
        case "description": return description.templateValue
        case "instructor": return instructor.templateValue
        case "difficulty": return difficulty.templateValue
        case "difficultyLabel": return difficultyLabel.templateValue
        case "durationMinutes": return durationMinutes.templateValue
        case "durationText": return durationText.templateValue
        case "durationISO": return durationISO.templateValue
        case "lessonCount": return lessonCount.templateValue
        case "lessonCountText": return lessonCountText.templateValue
        case "moduleCount": return moduleCount.templateValue
        case "url": return url.templateValue
        case "image": return image.templateValue
        case "priceText": return priceText.templateValue
        case "isFree": return isFree.templateValue
        case "isDraft": return isDraft.templateValue
        default: return nil
        }
    }
}

extension CourseDetail: TemplateObject {
    /// The summary's fields are reachable directly: `{{course.current.title}}`.
    public func child(named key: String) -> TemplateValue? {
        switch key {
        case "modules": return modules.templateValue
        case "firstLesson": return firstLesson.templateValue
        case "summary": return summary.templateValue
        default: return summary.child(named: key)
        }
    }
}

extension ModuleItem: TemplateObject {
    public func child(named key: String) -> TemplateValue? {
        switch key {
        case "id": return id.templateValue
        case "title": return title.templateValue
        case "description": return description.templateValue
        case "number": return number.templateValue
        case "durationText": return durationText.templateValue
        case "lessons": return lessons.templateValue
        case "isCurrent": return isCurrent.templateValue
        default: return nil
        }
    }
}

extension LessonItem: TemplateObject {
    public func child(named key: String) -> TemplateValue? {
        switch key {
        case "id": return id.templateValue
        case "title": return title.templateValue
        case "type": return type.templateValue
        case "typeLabel": return typeLabel.templateValue
        case "url": return url.templateValue
        case "position": return position.templateValue
        case "durationMinutes": return durationMinutes.templateValue
        case "durationText": return durationText.templateValue
        case "isCurrent": return isCurrent.templateValue
        default: return nil
        }
    }
}

extension LessonDetail: TemplateObject {
    /// The item's fields are reachable directly: `{{course.lesson.title}}`.
    public func child(named key: String) -> TemplateValue? {
        switch key {
        case "position": return position.templateValue
        case "total": return total.templateValue
        case "module": return module.templateValue
        case "previous": return previous.templateValue
        case "next": return next.templateValue
        case "isText": return isText.templateValue
        case "isVideo": return isVideo.templateValue
        case "isQuiz": return isQuiz.templateValue
        case "isFlashcard": return isFlashcard.templateValue
        case "video": return video.templateValue
        case "quiz": return quiz.templateValue
        case "deck": return deck.templateValue
        default: return item.child(named: key)
        }
    }
}

extension VideoContext: TemplateObject {
    public func child(named key: String) -> TemplateValue? {
        switch key {
        case "url": return url.templateValue
        case "embedURL": return embedURL.templateValue
        case "isEmbed": return isEmbed.templateValue
        case "poster": return poster.templateValue
        case "transcript": return transcript.templateValue
        case "captions": return captions.templateValue
        case "mimeType": return mimeType.templateValue
        default: return nil
        }
    }
}

extension QuizContext: TemplateObject {
    public func child(named key: String) -> TemplateValue? {
        switch key {
        case "action": return action.templateValue
        case "passScore": return passScore.templateValue
        case "questionCount": return questionCount.templateValue
        case "questions": return questions.templateValue
        default: return nil
        }
    }
}

extension QuestionContext: TemplateObject {
    public func child(named key: String) -> TemplateValue? {
        switch key {
        case "id": return id.templateValue
        case "number": return number.templateValue
        case "kind": return kind.templateValue
        case "isMultiple": return isMultiple.templateValue
        case "inputType": return inputType.templateValue
        case "fieldName": return fieldName.templateValue
        case "promptHTML": return promptHTML.templateValue
        case "promptInlineHTML": return promptInlineHTML.templateValue
        case "promptID": return promptID.templateValue
        case "choices": return choices.templateValue
        default: return nil
        }
    }
}

extension ChoiceContext: TemplateObject {
    public func child(named key: String) -> TemplateValue? {
        switch key {
        case "index": return index.templateValue
        case "text": return text.templateValue
        case "inputID": return inputID.templateValue
        default: return nil
        }
    }
}

extension DeckContext: TemplateObject {
    public func child(named key: String) -> TemplateValue? {
        switch key {
        case "count": return count.templateValue
        case "cards": return cards.templateValue
        default: return nil
        }
    }
}

extension CardContext: TemplateObject {
    public func child(named key: String) -> TemplateValue? {
        switch key {
        case "id": return id.templateValue
        case "number": return number.templateValue
        case "frontHTML": return frontHTML.templateValue
        case "frontInlineHTML": return frontInlineHTML.templateValue
        case "backHTML": return backHTML.templateValue
        default: return nil
        }
    }
}
