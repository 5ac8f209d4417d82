# VoiceOps in English. Every sentence the skill says lives here; speech.rs only chooses the
# message and passes the numbers and names. Keep de.ftl in step: the catalogue test fails
# when a message or a variable is missing there.

## Welcome, help, goodbye, fallback

what-to-ask = You can ask how many instances are running, how many are stopped in a region like Frankfurt, or what databases you have.
what-now = What would you like to know?
welcome = Welcome to Voice Ops. { what-to-ask } { what-now }
welcome-reprompt = { what-to-ask } { what-now }
help = { what-to-ask } You can also ask for a status report. { what-now }
help-accounts = { what-to-ask } You can also ask for a status report, name an account like { $account }, or ask which accounts have stopped instances. { what-now }
goodbye = Goodbye.
fallback = Sorry, Voice Ops can't help with that. { what-to-ask }
unknown-region = I don't know the region { $spoken }. Try a city like Frankfurt, or a name like e u west one. Which region?
which-region = Which region?

## When the answer failed

too-slow = Sorry, that is taking too long. Please try again in a moment.
apology = Sorry, something went wrong. Please try again later.
no-credentials = I couldn't find any AWS credentials, so I can't see your account. Check the skill's role or your AWS profile.
no-region = I don't know which AWS region to start from. Set a default region for the skill.
access-denied = I'm not allowed to read that. The skill's role needs the permission { $permission }.
throttled = AWS is throttling my requests right now. Please try again in a minute.
aws-timeout = AWS took too long to answer. Please try again.
aws-unreachable = I couldn't reach AWS. Please try again later.
aws-failed = Something went wrong while talking to AWS. Please try again later.
no-regions-to-check = I didn't find any regions to check.
unreached-the-one = I couldn't reach { $region }. Please try again later.
unreached-every = I couldn't reach any of the { $count } regions I tried.
unreached-some = I couldn't reach { regions }: { $names }.
unreached-many = I couldn't reach { regions }, including { $names }.

## Counting words

instances = { $count ->
    [0] no instances
    [1] one instance
   *[other] { $count } instances
}
databases = { $count ->
    [0] no databases
    [1] one database
   *[other] { $count } databases
}
regions = { $count ->
    [0] no regions
    [1] one region
   *[other] { $count } regions
}
# "a, b and c": the last two joined.
list-last = { $init } and { $last }
in-region = in { $region }
across-regions = across { $count } regions
count-in-region = { $count } in { $region }

## How many instances are running or stopped

state-word = { $state ->
    [running] running
    [stopped] stopped
   *[other] starting or stopping
}
state-in-region = { instances } { $count ->
    [1] is
   *[other] are
} { state-word } in { $region }.
state-nowhere = { instances } { $count ->
    [1] is
   *[other] are
} { state-word }.
state-one-region-single = One instance is { state-word }, in { $region }.
state-one-region = { $count } instances are { state-word }, all in { $region }.
state-across = { $count } instances are { state-word } across { $regions } regions: { $list }.

## How many instances do I have

have-none = You have no instances{ $place }.
have-one = You have one instance{ $place }, and it is { state-word }.
have-all = You have { instances }{ $place }, all { state-word }.
have-mixed = You have { instances }{ $place }: { $list }.
count-in-state = { $count } { state-word }

## Databases

db-none = You have no databases{ $place }.
db-some = You have { databases }{ $place }: { $named }.
db-some-more = You have { databases }{ $place }: { $named }; and { $more } more. The full list is in the Alexa app.
db-instance = { $name }, { $engine }, { db-status }
db-cluster = { $name }, { $engine } cluster, { db-status }
db-status = { $status }
db-card-title = Databases ({ $count })
db-card-instance = { $name } — { $engine } instance, { $status } — { $region }
db-card-cluster = { $name } — { $engine } Aurora cluster, { $status } — { $region }

## The status report

report-in-region = In { $region }
report-across = Across { regions }
report = { $at }, { $running ->
    [0] no instances are
    [1] one instance is
   *[other] { $running } instances are
} running and { $stopped ->
    [0] none are
    [1] one is
   *[other] { $stopped } are
} stopped, and { $databases ->
    [0] you have no databases
    [1] you have one database, { $available } available
   *[other] you have { $databases } databases, { $available } available
}.

## While AWS is slow, and what changed since the last answer

checking-regions = { $count ->
    [1] Checking one region...
   *[other] Checking { $count } regions...
}
checking-accounts = Checking { $accounts } accounts in { $count ->
    [1] one region...
   *[other] { $count } regions...
}
more-since = { $difference ->
    [1] That's one more than when you asked at { $time }.
   *[other] That's { $difference } more than when you asked at { $time }.
}
fewer-since = { $difference ->
    [1] That's one fewer than when you asked at { $time }.
   *[other] That's { $difference } fewer than when you asked at { $time }.
}
more-than-last-time = { $difference ->
    [1] That's one more than last time.
   *[other] That's { $difference } more than last time.
}
fewer-than-last-time = { $difference ->
    [1] That's one fewer than last time.
   *[other] That's { $difference } fewer than last time.
}

## The Echo Show board

board-instances-title = EC2 instances
board-databases-title = RDS databases
board-status-title = Status report
board-not-reached = Not reached: { $names }
board-counts = { $running } running · { $stopped } stopped
board-counts-other = { $running } running · { $stopped } stopped · { $other } other
board-region-status = { $counts } · { $databases } databases
board-accounts-title = EC2 instances by account
board-accounts-without-instances = { $count ->
    [1] One account with no instances
   *[other] { $count } accounts with no instances
}
board-regions-without-instances = { $count ->
    [1] One region with no instances
   *[other] { $count } regions with no instances
}
board-regions-with-nothing = { $count ->
    [1] One region with nothing in it
   *[other] { $count } regions with nothing in them
}

## Several accounts (VOICEOPS_ROLE_NAME)

this-account = this account
account-ending = the account ending in { $digits }
the-named-account = the { $name } account
count-in-account = { $count } in { $account }
in-account = in { $account }
account-heading = In { $account }:
estate-state-across = { $count } instances are { state-word }{ $place } across { $accounts } accounts: { $list }.
estate-state-one = { instances } { $count ->
    [1] is
   *[other] are
} { state-word }{ $place }, { $count ->
    [1] in
   *[other] all in
} { $account }.
estate-state-none = No instances are { state-word }{ $place } in { $accounts ->
    [1] your account
   *[other] any of your { $accounts } accounts
}.
estate-have = You have { instances }{ $place } across { $accounts } accounts, { $mix }: { $list }.
estate-have-one = You have { instances }{ $place }, { $mix }, { $count ->
    [1] in
   *[other] all in
} { $account }.
all-in-state = { $count ->
    [1] { state-word }
   *[other] all { state-word }
}
estate-by-account = By account: { $list }.
unreached-accounts = { $count ->
    [1] I couldn't reach { $names }, so it is not counted.
   *[other] I couldn't reach { $count } accounts, { $names }, so they are not counted.
}
unreached-accounts-many = I couldn't reach { $count } accounts, including { $names }, so they are not counted.
unreached-pairs = { $count ->
    [1] I couldn't reach { $names }, so it is not counted.
   *[other] I couldn't reach { $count } regions, { $names }, so they are not counted.
}
unreached-pairs-many = I couldn't reach { $count } regions, including { $names }, so they are not counted.
region-in-account = { $region } in { $account }
unreached-every-account = I couldn't reach any of your { $count } accounts.
unknown-account = I don't know an account called { $spoken }. Your accounts are { $names }. Which account?
unknown-account-many = I don't know an account called { $spoken }. Try a name like { $names }. Which account?
which-account = Which account?
one-account-only = Voice Ops only sees its own account, so I can't look at { $spoken }. Ask again without naming an account.

## Which regions or accounts have instances

which-what = { $state ->
    [running] Running instances
    [stopped] Stopped instances
   *[other] Instances
}
which-regions = { which-what }{ $place } are in { $count ->
    [1] one region
   *[other] { $count } regions
}: { $list }.
which-accounts = { which-what }{ $place } are in { $count ->
    [1] one account
   *[other] { $count } accounts
}: { $list }.
which-none = { $state ->
    [running] No instances are running{ $place }.
    [stopped] No instances are stopped{ $place }.
   *[other] You have no instances{ $place }.
}
name-with-count = { $name } with { $count }

## Notifications when an instance stops

notify-on = Okay. I'll send you a notification when an instance stops.
notify-already = I already tell you when an instance stops. To end that, say stop telling me.
notify-needs-permission = To tell you when an instance stops, I need your permission to send notifications. I sent a card to your Alexa app.
notify-off = Okay. I won't tell you about stopped instances any more.
notify-was-off = I wasn't sending you notifications. To hear when an instance stops, say tell me when an instance stops.
notify-status-on = I send you a notification when an instance stops. To end that, say stop telling me.
notify-status-off = I don't send you notifications yet. Say tell me when an instance stops, and I will.
notify-unavailable = I can't keep track of notifications here, because this Voice Ops has no place to store them.
notify-failed = Sorry, I couldn't save that just now. Please try again.
stopped-in-region = { $count } { $count ->
    [1] instance
   *[other] instances
} stopped in { $region }
stopped-part = { $count } in { $region }
stopped-list = { $rest } and { $last }
stopped-in-regions = { $count } instances stopped: { $list }
