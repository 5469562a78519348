import { defineMessages } from '../../i18n/catalogue';

export const messages = defineMessages({
  en: {
    title: 'Log in',
    intro: 'Clinical trial management for multi-centre studies.',
    username: 'Username',
    password: 'Password',
    submit: 'Log in',
    required: 'Enter your username and password.',
    failedTitle: 'Login failed',
  },
  nl: {
    title: 'Inloggen',
    intro: 'Beheer van multicentrische klinische studies.',
    username: 'Gebruikersnaam',
    password: 'Wachtwoord',
    submit: 'Inloggen',
    required: 'Vul uw gebruikersnaam en wachtwoord in.',
    failedTitle: 'Inloggen mislukt',
  },
});
