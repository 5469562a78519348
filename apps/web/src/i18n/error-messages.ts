// Server error keys (error.data.key) in words. A key missing here falls back to the server's own message,
// then to the wording for the tRPC code. Add keys as features introduce them.
import { defineMessages } from './catalogue';

export const errorMessages = defineMessages({
  en: {
    'auth.invalid_credentials': 'Wrong username or password.',
    'auth.rate_limited': 'Too many failed logins. Wait {minutes} minutes and try again.',
    'auth.required': 'You are not logged in, or your session has ended. Please log in again.',
    'auth.forbidden': 'Your role or centre does not allow this.',
    'auth.wrong_current_password': 'The current password is not right.',
    'auth.same_password': 'Choose a password different from the current one.',
    'auth.password_change_required': 'Change the password an administrator set for you first (Your account).',
    'participant.not_available': 'This participant does not exist or is not at your centre.',
    'participant.not_found': 'There is no participant with this study ID in this trial.',
    'trial.not_found': 'There is no such trial.',
    'outcomes.closed':
      'Efficacy outcomes of this trial are closed to your role until the primary analysis (trial setting).',
    'input.invalid': 'Some values are not valid.',
    'server.error': 'Something went wrong on the server. Nothing was saved.',
    'code.UNAUTHORIZED': 'You are not logged in.',
    'code.FORBIDDEN': 'You do not have access to this.',
    'code.NOT_FOUND': 'This was not found.',
    'code.BAD_REQUEST': 'The request was not valid.',
    'code.TOO_MANY_REQUESTS': 'Too many requests. Wait a moment and try again.',
    'code.network': 'The server cannot be reached. Check the connection and try again.',
    'code.unknown': 'Something went wrong.',
  },
  nl: {
    'auth.invalid_credentials': 'Onjuiste gebruikersnaam of onjuist wachtwoord.',
    'auth.rate_limited': 'Te veel mislukte inlogpogingen. Wacht {minutes} minuten en probeer het opnieuw.',
    'auth.required': 'U bent niet ingelogd of uw sessie is verlopen. Log opnieuw in.',
    'auth.forbidden': 'Uw rol of centrum staat dit niet toe.',
    'auth.wrong_current_password': 'Het huidige wachtwoord klopt niet.',
    'auth.same_password': 'Kies een ander wachtwoord dan het huidige.',
    'auth.password_change_required':
      'Wijzig eerst het wachtwoord dat een beheerder voor u heeft ingesteld (Uw account).',
    'participant.not_available': 'Deze deelnemer bestaat niet of hoort niet bij uw centrum.',
    'participant.not_found': 'Er is geen deelnemer met dit studienummer in deze studie.',
    'trial.not_found': 'Deze studie bestaat niet.',
    'outcomes.closed':
      'Werkzaamheidsuitkomsten van deze studie zijn voor uw rol gesloten tot de primaire analyse (studie-instelling).',
    'input.invalid': 'Sommige waarden zijn niet geldig.',
    'server.error': 'Er ging iets mis op de server. Er is niets opgeslagen.',
    'code.UNAUTHORIZED': 'U bent niet ingelogd.',
    'code.FORBIDDEN': 'U heeft hier geen toegang toe.',
    'code.NOT_FOUND': 'Dit is niet gevonden.',
    'code.BAD_REQUEST': 'Het verzoek was niet geldig.',
    'code.TOO_MANY_REQUESTS': 'Te veel verzoeken. Wacht even en probeer het opnieuw.',
    'code.network': 'De server is niet bereikbaar. Controleer de verbinding en probeer het opnieuw.',
    'code.unknown': 'Er ging iets mis.',
  },
});
