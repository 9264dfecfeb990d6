"""Storing an anonymous answer: once per submission, scrubbed, rate-limited without knowing who.

The rate limit counts answers per link (and per kiosk) in the cache for ten minutes: a robot
filling one poster's link is stopped without any trace of who answered. Nothing about the
request (address, browser, time) reaches the database.
"""

from django.core.cache import cache
from django.db import IntegrityError, transaction
from django.utils import timezone

from capacite.activity.domain.questions import CORE_QUESTIONS, SCALE
from capacite.activity.domain.scrub import scrub
from capacite.activity.models import QuestionKind, SurveyAnswer, SurveyResponse

WINDOW_SECONDS = 10 * 60
MAX_PER_WINDOW = 60  # per link or kiosk: far above a queue of real visitors


def allow(key: str) -> bool:
    """Whether one more answer through `key` (a link's token, a kiosk) fits this window."""
    name = f"capacite.survey.rate.{key}"
    cache.add(name, 0, WINDOW_SECONDS)
    try:
        count = cache.incr(name)
    except ValueError:  # expired between add and incr
        cache.set(name, 1, WINDOW_SECONDS)
        count = 1
    return count <= MAX_PER_WINDOW


def save_answer(*, survey, data: dict, channel: str, pole=None, event=None) -> bool:
    """Store the answers of a valid `AnswerForm`; False if this submission was stored before.

    The day is today's; a free-text answer is scrubbed of names, e-mails and phones first."""
    if SurveyResponse.objects.filter(client_id=data["client_id"]).exists():
        return False
    core = {}
    for question in CORE_QUESTIONS:
        value = data.get(question.key) or ""
        if question.kind == SCALE:
            core[question.key] = int(value) if value else None
        else:
            core[question.key] = {"yes": True, "no": False}.get(value)
    response = SurveyResponse(cite=survey.cite, survey=survey, day=timezone.localdate(),
                              channel=channel, pole=pole, event=event,
                              client_id=data["client_id"], **core)
    answers = []
    for question in survey.questions.all():
        value = data.get(f"q{question.pk}") or ""
        if not value:
            continue
        answer = SurveyAnswer(cite=survey.cite, question=question)
        if question.kind == QuestionKind.SCALE:
            answer.scale = int(value)
        elif question.kind == QuestionKind.CHOICE:
            answer.choice = value
        elif question.kind == QuestionKind.YES_NO:
            answer.yes_no = value == "yes"
        elif survey.free_text_enabled:
            answer.text = scrub(value)
        answers.append(answer)
    try:
        with transaction.atomic():
            response.save()
            for answer in answers:
                answer.response = response
            SurveyAnswer.objects.bulk_create(answers)
    except IntegrityError:
        return False
    return True
