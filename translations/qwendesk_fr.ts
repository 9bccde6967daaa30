<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<context>
    <name>ChatPage</name>
    <message>
        <source>Loading the model</source>
        <translation>Chargement du modèle</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>Messages</translation>
    </message>
    <message>
        <source>Ask anything. Everything stays on this computer.</source>
        <translation>Demandez ce que vous voulez. Tout reste sur cet ordinateur.</translation>
    </message>
    <message>
        <source>Type your first message while the model loads.</source>
        <translation>Écrivez votre premier message pendant le chargement du modèle.</translation>
    </message>
</context>
<context>
    <name>CodeBlock</name>
    <message>
        <source>Code block, %1</source>
        <translation>Bloc de code, %1</translation>
    </message>
    <message>
        <source>Code block</source>
        <translation>Bloc de code</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>Copié</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copier</translation>
    </message>
    <message>
        <source>Copy the code</source>
        <translation>Copier le code</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
</context>
<context>
    <name>Composer</name>
    <message>
        <source>Attached document %1</source>
        <translation>Document joint %1</translation>
    </message>
    <message numerus="yes">
        <source>%1 · %2 · %n token(s)</source>
        <translation>
            <numerusform>%1 · %2 · %n jeton</numerusform>
            <numerusform>%1 · %2 · %n jetons</numerusform>
        </translation>
    </message>
    <message>
        <source>Summarizing part %1 of %2</source>
        <translation>Résumé de la partie %1 sur %2</translation>
    </message>
    <message>
        <source>Summarize</source>
        <translation>Résumer</translation>
    </message>
    <message>
        <source>Summarize the whole document</source>
        <translation>Résumer tout le document</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Stop summarizing</source>
        <translation>Arrêter le résumé</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Retirer</translation>
    </message>
    <message>
        <source>Remove the document</source>
        <translation>Retirer le document</translation>
    </message>
    <message>
        <source>Message QwenDesk…</source>
        <translation>Écrire à QwenDesk…</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>Enter sends, Shift+Enter starts a new line</source>
        <translation>Entrée envoie, Maj+Entrée passe à la ligne</translation>
    </message>
    <message>
        <source>Translate</source>
        <translation>Traduire</translation>
    </message>
    <message>
        <source>Translate the text into another language</source>
        <translation>Traduire le texte dans une autre langue</translation>
    </message>
    <message>
        <source>Proofread</source>
        <translation>Relire</translation>
    </message>
    <message>
        <source>Correct spelling and grammar</source>
        <translation>Corriger l’orthographe et la grammaire</translation>
    </message>
    <message>
        <source>Rewrite</source>
        <translation>Reformuler</translation>
    </message>
    <message>
        <source>Rewrite in another style</source>
        <translation>Reformuler dans un autre style</translation>
    </message>
    <message>
        <source>Formal</source>
        <translation>Soutenu</translation>
    </message>
    <message>
        <source>Casual</source>
        <translation>Familier</translation>
    </message>
    <message>
        <source>Shorter</source>
        <translation>Plus court</translation>
    </message>
    <message>
        <source>Summarize the text</source>
        <translation>Résumer le texte</translation>
    </message>
    <message>
        <source>%1 / %2 tokens</source>
        <translation>%1 / %2 jetons</translation>
    </message>
    <message numerus="yes">
        <source>%n token(s)</source>
        <translation>
            <numerusform>%n jeton</numerusform>
            <numerusform>%n jetons</numerusform>
        </translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Arrêter</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Envoyer</translation>
    </message>
    <message>
        <source>Stop the reply</source>
        <translation>Arrêter la réponse</translation>
    </message>
    <message>
        <source>Send the message</source>
        <translation>Envoyer le message</translation>
    </message>
</context>
<context>
    <name>ConversationDelegate</name>
    <message>
        <source>%1, pinned</source>
        <translation>%1, épinglée</translation>
    </message>
    <message>
        <source>Conversation title</source>
        <translation>Titre de la conversation</translation>
    </message>
    <message>
        <source>More actions for %1</source>
        <translation>Autres actions pour %1</translation>
    </message>
    <message>
        <source>More actions</source>
        <translation>Autres actions</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>Renommer</translation>
    </message>
    <message>
        <source>Unpin</source>
        <translation>Désépingler</translation>
    </message>
    <message>
        <source>Pin</source>
        <translation>Épingler</translation>
    </message>
    <message>
        <source>Export as Markdown…</source>
        <translation>Exporter en Markdown…</translation>
    </message>
    <message>
        <source>Export as JSON…</source>
        <translation>Exporter en JSON…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <source>%1 – QwenDesk</source>
        <translation>%1 – QwenDesk</translation>
    </message>
    <message>
        <source>QwenDesk</source>
        <translation>QwenDesk</translation>
    </message>
    <message>
        <source>“%1” was deleted.</source>
        <translation>« %1 » a été supprimée.</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Undo the deletion</source>
        <translation>Annuler la suppression</translation>
    </message>
    <message>
        <source>Export the conversation</source>
        <translation>Exporter la conversation</translation>
    </message>
    <message>
        <source>JSON files (*.json)</source>
        <translation>Fichiers JSON (*.json)</translation>
    </message>
    <message>
        <source>Markdown files (*.md)</source>
        <translation>Fichiers Markdown (*.md)</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>Échec de l’export</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Open a model</source>
        <translation>Ouvrir un modèle</translation>
    </message>
    <message>
        <source>GGUF models (*.gguf)</source>
        <translation>Modèles GGUF (*.gguf)</translation>
    </message>
</context>
<context>
    <name>MessageDelegate</name>
    <message>
        <source>You</source>
        <translation>Vous</translation>
    </message>
    <message>
        <source>Assistant</source>
        <translation>Assistant</translation>
    </message>
    <message numerus="yes">
        <source>%n older message(s) were left out so the conversation fits the context.</source>
        <translation>
            <numerusform>%n message ancien a été omis pour que la conversation tienne dans le contexte.</numerusform>
            <numerusform>%n messages anciens ont été omis pour que la conversation tienne dans le contexte.</numerusform>
        </translation>
    </message>
    <message>
        <source>Thinking…</source>
        <translation>Réflexion…</translation>
    </message>
    <message>
        <source>The reply failed: %1</source>
        <translation>La réponse a échoué : %1</translation>
    </message>
    <message>
        <source>Stopped.</source>
        <translation>Arrêtée.</translation>
    </message>
    <message>
        <source>Interrupted when QwenDesk closed.</source>
        <translation>Interrompue à la fermeture de QwenDesk.</translation>
    </message>
    <message>
        <source>Edit message</source>
        <translation>Modifier le message</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Envoyer</translation>
    </message>
    <message>
        <source>Send the edited message</source>
        <translation>Envoyer le message modifié</translation>
    </message>
    <message>
        <source>Previous version</source>
        <translation>Version précédente</translation>
    </message>
    <message>
        <source>%1/%2</source>
        <translation>%1/%2</translation>
    </message>
    <message>
        <source>Next version</source>
        <translation>Version suivante</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copier</translation>
    </message>
    <message>
        <source>Copy the message</source>
        <translation>Copier le message</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Modifier</translation>
    </message>
    <message>
        <source>Edit and send again as a new branch</source>
        <translation>Modifier et renvoyer comme nouvelle branche</translation>
    </message>
    <message>
        <source>Regenerate</source>
        <translation>Régénérer</translation>
    </message>
    <message>
        <source>Write another reply</source>
        <translation>Écrire une autre réponse</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>Delete this message and what follows it</source>
        <translation>Supprimer ce message et la suite</translation>
    </message>
    <message>
        <source>%1 tokens · %2 tokens/s · first token after %3 s</source>
        <translation>%1 jetons · %2 jetons/s · premier jeton après %3 s</translation>
    </message>
</context>
<context>
    <name>Prompts</name>
    <message>
        <source>Summarize the following text. Keep the main points, names and numbers, and write the summary in the language of the text.</source>
        <translation>Résume le texte suivant. Garde les points principaux, les noms et les nombres, et rédige le résumé dans la langue du texte.</translation>
    </message>
    <message>
        <source>The following are summaries of consecutive parts of one document. Combine them into a single summary of the whole document, keeping the main points in order.</source>
        <translation>Voici les résumés de parties consécutives d’un même document. Réunis-les en un seul résumé de tout le document, en gardant les points principaux dans l’ordre.</translation>
    </message>
    <message>
        <source>Translate the following text into %1. Reply with the translation only.</source>
        <translation>Traduis le texte suivant dans cette langue : %1. Réponds uniquement avec la traduction.</translation>
    </message>
    <message>
        <source>Proofread the following text. Correct spelling, grammar and punctuation without changing its meaning or style, and reply with the corrected text only.</source>
        <translation>Relis le texte suivant. Corrige l’orthographe, la grammaire et la ponctuation sans changer son sens ni son style, et réponds uniquement avec le texte corrigé.</translation>
    </message>
    <message>
        <source>Rewrite the following text in a formal tone. Reply with the rewritten text only.</source>
        <translation>Reformule le texte suivant sur un ton soutenu. Réponds uniquement avec le texte reformulé.</translation>
    </message>
    <message>
        <source>Rewrite the following text in a casual, friendly tone. Reply with the rewritten text only.</source>
        <translation>Reformule le texte suivant sur un ton détendu et amical. Réponds uniquement avec le texte reformulé.</translation>
    </message>
    <message>
        <source>Rewrite the following text to be shorter, keeping its meaning. Reply with the rewritten text only.</source>
        <translation>Reformule le texte suivant plus brièvement, sans changer son sens. Réponds uniquement avec le texte reformulé.</translation>
    </message>
</context>
<context>
    <name>SettingRow</name>
    <message>
        <source>Reset to default</source>
        <translation>Rétablir la valeur par défaut</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <source>Save %1</source>
        <translation>Enregistrer %1</translation>
    </message>
</context>
<context>
    <name>SettingsForm</name>
    <message>
        <source>Reset to default</source>
        <translation>Rétablir la valeur par défaut</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Settings</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <source>General</source>
        <translation>Général</translation>
    </message>
    <message>
        <source>This conversation</source>
        <translation>Cette conversation</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>Close the settings</source>
        <translation>Fermer les paramètres</translation>
    </message>
    <message>
        <source>Model: %1 (%2)</source>
        <translation>Modèle : %1 (%2)</translation>
    </message>
    <message>
        <source>No model loaded</source>
        <translation>Aucun modèle chargé</translation>
    </message>
    <message>
        <source>Load again</source>
        <translation>Recharger</translation>
    </message>
    <message>
        <source>Load the model again with these settings</source>
        <translation>Recharger le modèle avec ces paramètres</translation>
    </message>
    <message>
        <source>Change model…</source>
        <translation>Changer de modèle…</translation>
    </message>
    <message>
        <source>Restart QwenDesk to see the new language.</source>
        <translation>Redémarrez QwenDesk pour voir la nouvelle langue.</translation>
    </message>
    <message>
        <source>Use the global setting</source>
        <translation>Utiliser le paramètre global</translation>
    </message>
</context>
<context>
    <name>ShortcutsSheet</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Raccourcis clavier</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>New chat</source>
        <translation>Nouvelle discussion</translation>
    </message>
    <message>
        <source>Search conversations</source>
        <translation>Rechercher dans les conversations</translation>
    </message>
    <message>
        <source>Write a message</source>
        <translation>Écrire un message</translation>
    </message>
    <message>
        <source>Send the message</source>
        <translation>Envoyer le message</translation>
    </message>
    <message>
        <source>New line in the message</source>
        <translation>Nouvelle ligne dans le message</translation>
    </message>
    <message>
        <source>Stop the reply</source>
        <translation>Arrêter la réponse</translation>
    </message>
    <message>
        <source>Regenerate the last reply</source>
        <translation>Régénérer la dernière réponse</translation>
    </message>
    <message>
        <source>Rename the conversation</source>
        <translation>Renommer la conversation</translation>
    </message>
    <message>
        <source>Export the conversation</source>
        <translation>Exporter la conversation</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <source>Open a model</source>
        <translation>Ouvrir un modèle</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Quitter</translation>
    </message>
</context>
<context>
    <name>Sidebar</name>
    <message>
        <source>Conversations</source>
        <translation>Conversations</translation>
    </message>
    <message>
        <source>New chat</source>
        <translation>Nouvelle discussion</translation>
    </message>
    <message>
        <source>Search conversations</source>
        <translation>Rechercher dans les conversations</translation>
    </message>
    <message>
        <source>Search results</source>
        <translation>Résultats de la recherche</translation>
    </message>
    <message>
        <source>Nothing found</source>
        <translation>Aucun résultat</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <source>Settings (Ctrl+,)</source>
        <translation>Paramètres (Ctrl+,)</translation>
    </message>
    <message>
        <source>Shortcuts</source>
        <translation>Raccourcis</translation>
    </message>
    <message>
        <source>Keyboard shortcuts (F1)</source>
        <translation>Raccourcis clavier (F1)</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <source>Welcome</source>
        <translation>Bienvenue</translation>
    </message>
    <message>
        <source>Welcome to QwenDesk</source>
        <translation>Bienvenue dans QwenDesk</translation>
    </message>
    <message>
        <source>Chat with Qwen2.5 on your own computer. Nothing you write leaves it. First, get the model: download it once, or open a copy you already have.</source>
        <translation>Discutez avec Qwen2.5 sur votre propre ordinateur. Rien de ce que vous écrivez n’en sort. Commencez par obtenir le modèle : téléchargez-le une fois, ou ouvrez une copie que vous avez déjà.</translation>
    </message>
    <message>
        <source>Download Qwen2.5-1.5B-Instruct</source>
        <translation>Télécharger Qwen2.5-1.5B-Instruct</translation>
    </message>
    <message>
        <source>%1 (recommended)</source>
        <translation>%1 (recommandé)</translation>
    </message>
    <message>
        <source>%1 · download %2 · needs about %3 of memory</source>
        <translation>%1 · téléchargement %2 · environ %3 de mémoire</translation>
    </message>
    <message>
        <source>Download</source>
        <translation>Télécharger</translation>
    </message>
    <message>
        <source>Download the chosen model</source>
        <translation>Télécharger le modèle choisi</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <source>Pause the download</source>
        <translation>Mettre le téléchargement en pause</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Reprendre</translation>
    </message>
    <message>
        <source>Resume the download</source>
        <translation>Reprendre le téléchargement</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Cancel the download</source>
        <translation>Annuler le téléchargement</translation>
    </message>
    <message>
        <source>Downloaded. Loading the model…</source>
        <translation>Téléchargé. Chargement du modèle…</translation>
    </message>
    <message>
        <source>Download progress</source>
        <translation>Progression du téléchargement</translation>
    </message>
    <message>
        <source>The download stopped: %1</source>
        <translation>Le téléchargement s’est arrêté : %1</translation>
    </message>
    <message>
        <source>Or open a model you already have</source>
        <translation>Ou ouvrez un modèle que vous avez déjà</translation>
    </message>
    <message>
        <source>Drop a .gguf file or a Hugging Face model folder here</source>
        <translation>Déposez ici un fichier .gguf ou un dossier de modèle Hugging Face</translation>
    </message>
    <message>
        <source>Open a .gguf file…</source>
        <translation>Ouvrir un fichier .gguf…</translation>
    </message>
    <message>
        <source>Open a model folder…</source>
        <translation>Ouvrir un dossier de modèle…</translation>
    </message>
    <message>
        <source>The model could not be loaded: %1</source>
        <translation>Le modèle n’a pas pu être chargé : %1</translation>
    </message>
    <message>
        <source>Loading the model</source>
        <translation>Chargement du modèle</translation>
    </message>
    <message>
        <source>Go to the chat</source>
        <translation>Aller à la discussion</translation>
    </message>
    <message>
        <source>Open a model</source>
        <translation>Ouvrir un modèle</translation>
    </message>
    <message>
        <source>GGUF models (*.gguf)</source>
        <translation>Modèles GGUF (*.gguf)</translation>
    </message>
    <message>
        <source>Open a Hugging Face model folder</source>
        <translation>Ouvrir un dossier de modèle Hugging Face</translation>
    </message>
</context>
<context>
    <name>qd::app::ChatController</name>
    <message>
        <source>A reply is already being generated in this conversation; stop it or wait for it to finish.</source>
        <translation>Une réponse est déjà en cours dans cette conversation ; arrêtez-la ou attendez qu’elle se termine.</translation>
    </message>
</context>
<context>
    <name>qd::app::EngineClient</name>
    <message>
        <source>A reply is already being generated in this conversation; stop it or wait for it to finish.</source>
        <translation>Une réponse est déjà en cours dans cette conversation ; arrêtez-la ou attendez qu’elle se termine.</translation>
    </message>
</context>
<context>
    <name>qd::ui::ConversationListModel</name>
    <message>
        <source>New chat</source>
        <translation>Nouvelle discussion</translation>
    </message>
    <message>
        <source>Pinned</source>
        <translation>Épinglées</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Aujourd’hui</translation>
    </message>
    <message>
        <source>Yesterday</source>
        <translation>Hier</translation>
    </message>
    <message>
        <source>Previous 7 days</source>
        <translation>7 derniers jours</translation>
    </message>
    <message>
        <source>Older</source>
        <translation>Plus anciennes</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>Impossible d’écrire %1 : %2</translation>
    </message>
</context>
<context>
    <name>qd::ui::ConversationSettingsModel</name>
    <message>
        <source>Start a conversation first.</source>
        <translation>Commencez d’abord une conversation.</translation>
    </message>
</context>
<context>
    <name>qd::ui::DownloadManager</name>
    <message>
        <source>%1 of %2</source>
        <translation>%1 sur %2</translation>
    </message>
    <message>
        <source>%1/s</source>
        <translation>%1/s</translation>
    </message>
</context>
<context>
    <name>qd::ui::ModelManager</name>
    <message>
        <source>Opening the model file…</source>
        <translation>Ouverture du fichier du modèle…</translation>
    </message>
    <message>
        <source>Preparing the weights…</source>
        <translation>Préparation des poids…</translation>
    </message>
    <message>
        <source>Setting up the context…</source>
        <translation>Préparation du contexte…</translation>
    </message>
    <message>
        <source>Loading was cancelled.</source>
        <translation>Le chargement a été annulé.</translation>
    </message>
</context>
<context>
    <name>qd::ui::Session</name>
    <message>
        <source>Summarize the document “%1”.</source>
        <translation>Résume le document « %1 ».</translation>
    </message>
</context>
<context>
    <name>qd::ui::SettingFormModel</name>
    <message>
        <source>Temperature</source>
        <translation>Température</translation>
    </message>
    <message>
        <source>Top-k</source>
        <translation>Top-k</translation>
    </message>
    <message>
        <source>Top-p</source>
        <translation>Top-p</translation>
    </message>
    <message>
        <source>Min-p</source>
        <translation>Min-p</translation>
    </message>
    <message>
        <source>Repetition penalty</source>
        <translation>Pénalité de répétition</translation>
    </message>
    <message>
        <source>Max new tokens</source>
        <translation>Nouveaux jetons max.</translation>
    </message>
    <message>
        <source>Context length</source>
        <translation>Longueur du contexte</translation>
    </message>
    <message>
        <source>Quantization</source>
        <translation>Quantification</translation>
    </message>
    <message>
        <source>Threads</source>
        <translation>Threads</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>Graine</translation>
    </message>
    <message>
        <source>System prompt</source>
        <translation>Prompt système</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>Thème</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <source>Font size</source>
        <translation>Taille du texte</translation>
    </message>
    <message>
        <source>Higher is more varied; 0 always picks the likeliest word.</source>
        <translation>Plus élevé, plus varié ; 0 choisit toujours le mot le plus probable.</translation>
    </message>
    <message>
        <source>Choose among this many likeliest tokens; 0 keeps all.</source>
        <translation>Choisir parmi ce nombre de jetons les plus probables ; 0 les garde tous.</translation>
    </message>
    <message>
        <source>Choose among the likeliest tokens that add up to this probability.</source>
        <translation>Choisir parmi les jetons les plus probables dont la somme atteint cette probabilité.</translation>
    </message>
    <message>
        <source>Leave out tokens less likely than this share of the likeliest one.</source>
        <translation>Écarter les jetons moins probables que cette fraction du plus probable.</translation>
    </message>
    <message>
        <source>Above 1 discourages repeating the same words.</source>
        <translation>Au-dessus de 1, décourage la répétition des mêmes mots.</translation>
    </message>
    <message>
        <source>The longest reply, in tokens.</source>
        <translation>La réponse la plus longue, en jetons.</translation>
    </message>
    <message>
        <source>How much of the conversation the model sees, in tokens. Applies when the model is loaded again.</source>
        <translation>La part de la conversation que voit le modèle, en jetons. S’applique au prochain chargement du modèle.</translation>
    </message>
    <message>
        <source>Smaller levels need less memory and run faster, a little less accurately. Applies when the model is loaded again.</source>
        <translation>Les niveaux plus petits demandent moins de mémoire et vont plus vite, avec un peu moins de précision. S’applique au prochain chargement du modèle.</translation>
    </message>
    <message>
        <source>Processor threads for the model; 0 picks a good number.</source>
        <translation>Threads du processeur pour le modèle ; 0 choisit un bon nombre.</translation>
    </message>
    <message>
        <source>The same seed gives the same reply; -1 picks a new one every time.</source>
        <translation>La même graine donne la même réponse ; -1 en choisit une nouvelle à chaque fois.</translation>
    </message>
    <message>
        <source>Instructions the model gets before every conversation.</source>
        <translation>Instructions données au modèle avant chaque conversation.</translation>
    </message>
    <message>
        <source>Light, dark, or the same as your desktop.</source>
        <translation>Clair, sombre, ou comme votre bureau.</translation>
    </message>
    <message>
        <source>Applies after QwenDesk is restarted.</source>
        <translation>S’applique après le redémarrage de QwenDesk.</translation>
    </message>
    <message>
        <source>Text size of the chat, in points.</source>
        <translation>Taille du texte de la discussion, en points.</translation>
    </message>
    <message>
        <source>%1: please enter a value in the allowed range.</source>
        <translation>%1 : saisissez une valeur dans la plage autorisée.</translation>
    </message>
</context>
<context>
    <name>qd::ui::SettingsModel</name>
    <message>
        <source>As stored in the file</source>
        <translation>Tel qu’enregistré dans le fichier</translation>
    </message>
    <message>
        <source>%1 (%2 of memory)</source>
        <translation>%1 (%2 de mémoire)</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Clair</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Sombre</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>Comme le système</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>Langue du système</translation>
    </message>
</context>
<context>
    <name>qd::ui::WritingTools</name>
    <message>
        <source>English</source>
        <translation>Anglais</translation>
    </message>
    <message>
        <source>Simplified Chinese</source>
        <translation>Chinois simplifié</translation>
    </message>
    <message>
        <source>Japanese</source>
        <translation>Japonais</translation>
    </message>
    <message>
        <source>Korean</source>
        <translation>Coréen</translation>
    </message>
    <message>
        <source>German</source>
        <translation>Allemand</translation>
    </message>
    <message>
        <source>French</source>
        <translation>Français</translation>
    </message>
    <message>
        <source>Spanish</source>
        <translation>Espagnol</translation>
    </message>
    <message>
        <source>Russian</source>
        <translation>Russe</translation>
    </message>
    <message>
        <source>Arabic</source>
        <translation>Arabe</translation>
    </message>
    <message>
        <source>Pasted text</source>
        <translation>Texte collé</translation>
    </message>
    <message>
        <source>Only text files (.txt, .md) can be attached.</source>
        <translation>Seuls les fichiers texte (.txt, .md) peuvent être joints.</translation>
    </message>
    <message>
        <source>%1 is too large; attach a text of at most 8 MB.</source>
        <translation>%1 est trop volumineux ; joignez un texte de 8 Mo au plus.</translation>
    </message>
    <message>
        <source>Could not read %1: %2</source>
        <translation>Impossible de lire %1 : %2</translation>
    </message>
</context>
</TS>
