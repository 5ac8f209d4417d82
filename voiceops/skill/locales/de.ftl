# VoiceOps auf Deutsch. Dieselben Nachrichten und Variablen wie en.ftl.

## Begrüßung, Hilfe, Abschied

what-to-ask = Sie können fragen, wie viele Instanzen laufen, wie viele in einer Region wie Frankfurt gestoppt sind, oder welche Datenbanken Sie haben.
what-now = Was möchten Sie wissen?
welcome = Willkommen bei Voice Ops. { what-to-ask } { what-now }
welcome-reprompt = { what-to-ask } { what-now }
help = { what-to-ask } Sie können auch nach einem Statusbericht fragen. { what-now }
help-accounts = { what-to-ask } Sie können auch nach einem Statusbericht fragen, ein Konto wie { $account } nennen oder fragen, welche Konten gestoppte Instanzen haben. { what-now }
goodbye = Auf Wiedersehen.
fallback = Dabei kann Voice Ops leider nicht helfen. { what-to-ask }
unknown-region = Die Region { $spoken } kenne ich nicht. Nennen Sie eine Stadt wie Frankfurt oder einen Namen wie e u west eins. Welche Region?
which-region = Welche Region?

## Wenn die Antwort nicht gelang

too-slow = Das dauert leider zu lange. Bitte versuchen Sie es gleich noch einmal.
apology = Entschuldigung, da ist etwas schiefgegangen. Bitte versuchen Sie es später noch einmal.
no-credentials = Ich habe keine AWS-Zugangsdaten gefunden und kann Ihr Konto nicht sehen. Prüfen Sie die Rolle des Skills oder Ihr AWS-Profil.
no-region = Ich weiß nicht, mit welcher AWS-Region ich beginnen soll. Legen Sie eine Standardregion für den Skill fest.
access-denied = Das darf ich nicht lesen. Die Rolle des Skills braucht die Berechtigung { $permission }.
throttled = AWS drosselt meine Anfragen gerade. Bitte versuchen Sie es in einer Minute noch einmal.
aws-timeout = AWS hat zu lange gebraucht. Bitte versuchen Sie es noch einmal.
aws-unreachable = Ich konnte AWS nicht erreichen. Bitte versuchen Sie es später noch einmal.
aws-failed = Bei der Abfrage von AWS ist etwas schiefgegangen. Bitte versuchen Sie es später noch einmal.
no-regions-to-check = Ich habe keine Regionen zum Prüfen gefunden.
unreached-the-one = Ich konnte { $region } nicht erreichen. Bitte versuchen Sie es später noch einmal.
unreached-every = Ich konnte keine der { $count } Regionen erreichen, die ich gefragt habe.
unreached-some = Ich konnte { regions } nicht erreichen: { $names }.
unreached-many = Ich konnte { regions } nicht erreichen, darunter { $names }.

## Zählwörter

instances = { $count ->
    [0] keine Instanzen
    [1] eine Instanz
   *[other] { $count } Instanzen
}
databases = { $count ->
    [0] keine Datenbanken
    [1] eine Datenbank
   *[other] { $count } Datenbanken
}
regions = { $count ->
    [0] keine Regionen
    [1] eine Region
   *[other] { $count } Regionen
}
list-last = { $init } und { $last }
in-region = in { $region }
across-regions = in { $count } Regionen
count-in-region = { $count } in { $region }

## Wie viele Instanzen laufen oder sind gestoppt

state-word = { $state ->
    [running] laufend
    [stopped] gestoppt
   *[other] startend oder stoppend
}
state-in-region = In { $region } { $state ->
    [running] { $count ->
        [0] läuft keine Instanz
        [1] läuft eine Instanz
       *[other] laufen { $count } Instanzen
    }
   *[stopped] { $count ->
        [0] ist keine Instanz gestoppt
        [1] ist eine Instanz gestoppt
       *[other] sind { $count } Instanzen gestoppt
    }
}.
state-nowhere = Es { $state ->
    [running] { $count ->
        [0] läuft keine Instanz
        [1] läuft eine Instanz
       *[other] laufen { $count } Instanzen
    }
   *[stopped] { $count ->
        [0] ist keine Instanz gestoppt
        [1] ist eine Instanz gestoppt
       *[other] sind { $count } Instanzen gestoppt
    }
}.
state-one-region-single = Es { $state ->
    [running] läuft eine Instanz
   *[stopped] ist eine Instanz gestoppt
}, in { $region }.
state-one-region = Es { $state ->
    [running] laufen { $count } Instanzen
   *[stopped] sind { $count } Instanzen gestoppt
}, alle in { $region }.
state-across = In { $regions } Regionen { $state ->
    [running] laufen { $count } Instanzen
   *[stopped] sind { $count } Instanzen gestoppt
}: { $list }.

## Wie viele Instanzen habe ich

have-none = Sie haben keine Instanzen{ $place }.
have-one = Sie haben eine Instanz{ $place }, und sie ist { state-word }.
have-all = Sie haben { instances }{ $place }, alle { state-word }.
have-mixed = Sie haben { instances }{ $place }: { $list }.
count-in-state = { $count } { state-word }

## Datenbanken

db-none = Sie haben keine Datenbanken{ $place }.
db-some = Sie haben { databases }{ $place }: { $named }.
db-some-more = Sie haben { databases }{ $place }: { $named }; und { $more } weitere. Die vollständige Liste steht in der Alexa-App.
db-instance = { $name }, { $engine }, { db-status }
db-cluster = { $name }, { $engine } Cluster, { db-status }
db-status = { $status ->
    [available] verfügbar
    [stopped] gestoppt
    [creating] wird erstellt
    [starting] startet
    [stopping] wird gestoppt
   *[other] { $status }
}
db-card-title = Datenbanken ({ $count })
db-card-instance = { $name } — { $engine } Instanz, { $status } — { $region }
db-card-cluster = { $name } — { $engine } Aurora-Cluster, { $status } — { $region }

## Der Statusbericht

report-in-region = In { $region }
report-across = In { regions }
report = { $at } { $running ->
    [0] läuft keine Instanz
    [1] läuft eine Instanz
   *[other] laufen { $running } Instanzen
} und { $stopped ->
    [0] keine ist gestoppt
    [1] eine ist gestoppt
   *[other] { $stopped } sind gestoppt
}, und { $databases ->
    [0] Sie haben keine Datenbanken
    [1] Sie haben eine Datenbank, { $available } verfügbar
   *[other] Sie haben { $databases } Datenbanken, { $available } verfügbar
}.

## Wenn AWS langsam ist, und was sich seit der letzten Antwort geändert hat

checking-regions = { $count ->
    [1] Ich prüfe eine Region...
   *[other] Ich prüfe { $count } Regionen...
}
checking-accounts = Ich prüfe { $accounts } Konten in { $count ->
    [1] einer Region...
   *[other] { $count } Regionen...
}
more-since = { $difference ->
    [1] Das ist eine mehr als bei Ihrer Frage um { $time } Uhr.
   *[other] Das sind { $difference } mehr als bei Ihrer Frage um { $time } Uhr.
}
fewer-since = { $difference ->
    [1] Das ist eine weniger als bei Ihrer Frage um { $time } Uhr.
   *[other] Das sind { $difference } weniger als bei Ihrer Frage um { $time } Uhr.
}
more-than-last-time = { $difference ->
    [1] Das ist eine mehr als beim letzten Mal.
   *[other] Das sind { $difference } mehr als beim letzten Mal.
}
fewer-than-last-time = { $difference ->
    [1] Das ist eine weniger als beim letzten Mal.
   *[other] Das sind { $difference } weniger als beim letzten Mal.
}

## Die Tafel auf dem Echo Show

board-instances-title = EC2-Instanzen
board-databases-title = RDS-Datenbanken
board-status-title = Statusbericht
board-not-reached = Nicht erreicht: { $names }
board-counts = { $running } laufen · { $stopped } gestoppt
board-counts-other = { $running } laufen · { $stopped } gestoppt · { $other } andere
board-region-status = { $counts } · { $databases } Datenbanken
board-accounts-title = EC2-Instanzen nach Konto
board-accounts-without-instances = { $count ->
    [1] Ein Konto ohne Instanzen
   *[other] { $count } Konten ohne Instanzen
}
board-regions-without-instances = { $count ->
    [1] Eine Region ohne Instanzen
   *[other] { $count } Regionen ohne Instanzen
}
board-regions-with-nothing = { $count ->
    [1] Eine Region ohne Instanzen und Datenbanken
   *[other] { $count } Regionen ohne Instanzen und Datenbanken
}

## Mehrere Konten (VOICEOPS_ROLE_NAME)

this-account = dieses Konto
account-ending = das Konto mit der Endung { $digits }
the-named-account = das Konto { $name }
count-in-account = { $count } in { $account }
in-account = in { $account }
account-heading = Im Konto { $account }:
estate-state-across = In { $accounts } Konten { $state ->
    [running] laufen { $count } Instanzen
   *[stopped] sind { $count } Instanzen gestoppt
}{ $place }: { $list }.
estate-state-one = Es { $state ->
    [running] { $count ->
        [1] läuft eine Instanz
       *[other] laufen { $count } Instanzen
    }
   *[stopped] { $count ->
        [1] ist eine Instanz gestoppt
       *[other] sind { $count } Instanzen gestoppt
    }
}{ $place }, { $count ->
    [1] in
   *[other] alle in
} { $account }.
estate-state-none = { $accounts ->
    [1] In Ihrem Konto
   *[other] In keinem Ihrer { $accounts } Konten
} { $state ->
    [running] läuft eine Instanz
   *[stopped] ist eine Instanz gestoppt
}{ $place }.
estate-have = Sie haben { instances }{ $place } in { $accounts } Konten, { $mix }: { $list }.
estate-have-one = Sie haben { instances }{ $place }, { $mix }, { $count ->
    [1] in
   *[other] alle in
} { $account }.
all-in-state = { $count ->
    [1] { state-word }
   *[other] alle { state-word }
}
estate-by-account = Nach Konten: { $list }.
unreached-accounts = { $count ->
    [1] Ich konnte { $names } nicht erreichen, es ist nicht mitgezählt.
   *[other] Ich konnte { $count } Konten nicht erreichen, { $names }, sie sind nicht mitgezählt.
}
unreached-accounts-many = Ich konnte { $count } Konten nicht erreichen, darunter { $names }, sie sind nicht mitgezählt.
unreached-pairs = { $count ->
    [1] Ich konnte { $names } nicht erreichen, es ist nicht mitgezählt.
   *[other] Ich konnte { $count } Regionen nicht erreichen, { $names }, sie sind nicht mitgezählt.
}
unreached-pairs-many = Ich konnte { $count } Regionen nicht erreichen, darunter { $names }, sie sind nicht mitgezählt.
region-in-account = { $region } in { $account }
unreached-every-account = Ich konnte keines Ihrer { $count } Konten erreichen.
unknown-account = Ein Konto namens { $spoken } kenne ich nicht. Ihre Konten sind { $names }. Welches Konto?
unknown-account-many = Ein Konto namens { $spoken } kenne ich nicht. Nennen Sie einen Namen wie { $names }. Welches Konto?
which-account = Welches Konto?
one-account-only = Voice Ops sieht nur sein eigenes Konto und kann { $spoken } nicht abfragen. Fragen Sie noch einmal, ohne ein Konto zu nennen.

## Welche Regionen oder Konten Instanzen haben

which-what = { $state ->
    [running] Laufende Instanzen
    [stopped] Gestoppte Instanzen
   *[other] Instanzen
}
which-regions = { which-what }{ $place } gibt es in { $count ->
    [1] einer Region
   *[other] { $count } Regionen
}: { $list }.
which-accounts = { which-what }{ $place } gibt es in { $count ->
    [1] einem Konto
   *[other] { $count } Konten
}: { $list }.
which-none = { $state ->
    [running] Es läuft keine Instanz{ $place }.
    [stopped] Es ist keine Instanz gestoppt{ $place }.
   *[other] Sie haben keine Instanzen{ $place }.
}
name-with-count = { $name } mit { $count }

## Benachrichtigungen, wenn eine Instanz stoppt

notify-on = Alles klar. Ich schicke dir eine Benachrichtigung, wenn eine Instanz stoppt.
notify-already = Ich sage dir schon Bescheid, wenn eine Instanz stoppt. Um das zu beenden, sag: hör auf, mir Bescheid zu sagen.
notify-needs-permission = Damit ich dir Bescheid sagen kann, wenn eine Instanz stoppt, brauche ich deine Erlaubnis für Benachrichtigungen. Ich habe dir eine Karte in die Alexa App geschickt.
notify-off = Alles klar. Ich sage dir nicht mehr Bescheid, wenn Instanzen stoppen.
notify-was-off = Ich habe dir keine Benachrichtigungen geschickt. Wenn du hören willst, wann eine Instanz stoppt, sag: sag mir Bescheid, wenn eine Instanz stoppt.
notify-status-on = Ich schicke dir eine Benachrichtigung, wenn eine Instanz stoppt. Um das zu beenden, sag: hör auf, mir Bescheid zu sagen.
notify-status-off = Ich schicke dir noch keine Benachrichtigungen. Sag: sag mir Bescheid, wenn eine Instanz stoppt.
notify-unavailable = Ich kann mir Benachrichtigungen hier nicht merken, weil dieses Voice Ops keinen Speicher dafür hat.
notify-failed = Das konnte ich gerade nicht speichern. Bitte versuch es noch einmal.
stopped-in-region = { $count } { $count ->
    [1] Instanz
   *[other] Instanzen
} in { $region } gestoppt
stopped-part = { $count } in { $region }
stopped-list = { $rest } und { $last }
stopped-in-regions = { $count } Instanzen gestoppt: { $list }
